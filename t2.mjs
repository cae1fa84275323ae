let t0=performance.now();
const m = await import('mathjs/number');
let t1=performance.now();
const math = m.create({ parseDependencies: m.parseDependencies, floorDependencies: m.floorDependencies, ceilDependencies: m.ceilDependencies, roundDependencies: m.roundDependencies }, { number: 'number' });
let t2=performance.now();
console.log('import', (t1-t0).toFixed(1), 'create', (t2-t1).toFixed(1), math.parse('a*2+lag(b)').toString(), typeof math.floor, math.config().number);
