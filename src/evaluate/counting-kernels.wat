;; The first counting pass of a histogram summary (histogram-quantile-accumulator.ts, countGaps and
;; countGapsSummed) in WebAssembly: the same counts, the same values left for the second pass in the
;; same order, and the same Neumaier sum, bit for bit. What it buys is the lookup's clamp without a
;; branch. In JavaScript the cell 1 + ⌊(v − lo)·scale⌋ is clamped to [0, 1025] by comparisons that the
;; processor mispredicts whenever a block's values fall on both sides of the windows' span: a summary
;; of one window (a median), half its values below it and half above, took 8.5 ns a value there
;; against 3.1 here. Here the clamp is two selects over a saturating truncation, and the compensated
;; sum's choice is a select too.
;;
;; Compiled by `node scripts/build-wasm.mjs` (wabt's wat2wasm) into counting-kernels-wasm.ts; a test
;; checks that file against this one. Memory (counting-kernels.ts's `layout`):
;;
;;   0     sum, compensation (f64): read at the start and written at the end by countGapsSummed
;;   16    the NaN values countGaps saw (i32)
;;   64    hits per gap (i32 × 256): the caller adds them to the gaps' counters and zeroes them
;;   2048  the lookup's entries (i32 × 1026): a gap's number, or the sink's number with the top bit
;;         set (the value waits for the second pass, and its hit is never read)
;;   8192  the values (f64 × 4096);  40960 the values waiting for the second pass (f64 × 4096)
(module
  (memory (export "memory") 2 2)

  ;; Counts values[0 … n) into the hits of their entries' gaps, appending the waiting ones at 40960,
  ;; and adds them to the compensated sum (Neumaier): t = sum + v; c += |sum| ≥ |v| ? (sum − t) + v :
  ;; (v − t) + sum; sum = t. Returns how many values wait.
  (func (export "countGapsSummed") (param $n i32) (param $lo f64) (param $scale f64) (result i32)
    (local $at i32) (local $end i32) (local $next i32) (local $e i32) (local $hit i32)
    (local $v f64) (local $x f64) (local $t f64) (local $sum f64) (local $compensation f64)
    (local.set $sum (f64.load (i32.const 0)))
    (local.set $compensation (f64.load (i32.const 8)))
    (local.set $at (i32.const 8192))
    (local.set $end (i32.add (i32.const 8192) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $next (i32.const 40960))
    (block $done
      (loop $value
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $v (f64.load (local.get $at)))
        (local.set $t (f64.add (local.get $sum) (local.get $v)))
        (local.set $compensation
          (f64.add (local.get $compensation)
            (select
              (f64.add (f64.sub (local.get $sum) (local.get $t)) (local.get $v))
              (f64.add (f64.sub (local.get $v) (local.get $t)) (local.get $sum))
              (f64.ge (f64.abs (local.get $sum)) (f64.abs (local.get $v))))))
        (local.set $sum (local.get $t))
        ;; The entry of the value's cell: x = (v − lo)·scale + 1, cell = x > 0 ? (x < 1025 ? ⌊x⌋ : 1025)
        ;; : 0 (NaN → 0), as countGaps computes it; ⌊x⌋ is the saturating truncation for 0 < x < 1025.
        (local.set $x (f64.add (f64.mul (f64.sub (local.get $v) (local.get $lo)) (local.get $scale)) (f64.const 1)))
        (local.set $e
          (i32.load offset=2048
            (i32.shl
              (select
                (select (i32.trunc_sat_f64_s (local.get $x)) (i32.const 1025) (f64.lt (local.get $x) (f64.const 1025)))
                (i32.const 0)
                (f64.gt (local.get $x) (f64.const 0)))
              (i32.const 2))))
        (local.set $hit (i32.add (i32.const 64) (i32.shl (i32.and (local.get $e) (i32.const 255)) (i32.const 2))))
        (i32.store (local.get $hit) (i32.add (i32.load (local.get $hit)) (i32.const 1)))
        (f64.store (local.get $next) (local.get $v))
        (local.set $next (i32.add (local.get $next) (i32.shl (i32.shr_u (local.get $e) (i32.const 31)) (i32.const 3))))
        (local.set $at (i32.add (local.get $at) (i32.const 8)))
        (br $value)))
    (f64.store (i32.const 0) (local.get $sum))
    (f64.store (i32.const 8) (local.get $compensation))
    (i32.shr_u (i32.sub (local.get $next) (i32.const 40960)) (i32.const 3)))

  ;; As countGapsSummed without the sum, counting the NaN values instead (written at 16).
  (func (export "countGaps") (param $n i32) (param $lo f64) (param $scale f64) (result i32)
    (local $at i32) (local $end i32) (local $next i32) (local $e i32) (local $hit i32) (local $nan i32)
    (local $v f64) (local $x f64)
    (local.set $at (i32.const 8192))
    (local.set $end (i32.add (i32.const 8192) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $next (i32.const 40960))
    (block $done
      (loop $value
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $v (f64.load (local.get $at)))
        (local.set $nan (i32.add (local.get $nan) (f64.ne (local.get $v) (local.get $v))))
        (local.set $x (f64.add (f64.mul (f64.sub (local.get $v) (local.get $lo)) (local.get $scale)) (f64.const 1)))
        (local.set $e
          (i32.load offset=2048
            (i32.shl
              (select
                (select (i32.trunc_sat_f64_s (local.get $x)) (i32.const 1025) (f64.lt (local.get $x) (f64.const 1025)))
                (i32.const 0)
                (f64.gt (local.get $x) (f64.const 0)))
              (i32.const 2))))
        (local.set $hit (i32.add (i32.const 64) (i32.shl (i32.and (local.get $e) (i32.const 255)) (i32.const 2))))
        (i32.store (local.get $hit) (i32.add (i32.load (local.get $hit)) (i32.const 1)))
        (f64.store (local.get $next) (local.get $v))
        (local.set $next (i32.add (local.get $next) (i32.shl (i32.shr_u (local.get $e) (i32.const 31)) (i32.const 3))))
        (local.set $at (i32.add (local.get $at) (i32.const 8)))
        (br $value)))
    (i32.store (i32.const 16) (local.get $nan))
    (i32.shr_u (i32.sub (local.get $next) (i32.const 40960)) (i32.const 3)))
)
