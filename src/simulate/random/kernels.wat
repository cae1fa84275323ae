;; The random stream's hottest loops in WebAssembly, where xoshiro256** runs on native 64-bit words
;; (in JavaScript each word is two int32 halves: about 5 ns a number against 1 here). Every number is
;; the one the JavaScript reference in create-stream.ts makes, bit for bit: the same generator steps,
;; the same bits to doubles, the same floating-point operations in the same order (WebAssembly and
;; JavaScript both round each IEEE 754 operation, and neither fuses or reorders them). The loops leave
;; the ziggurat's rare path, and e^y beyond the table, to the caller (a return before the element).
;;
;; Compiled by `node scripts/build-wasm.mjs` (wabt's wat2wasm) into kernels-wasm.ts; a test checks
;; that file against this one. The memory layout is kernels.ts's `layout`: the caller writes the
;; state, the constants and the tables there, and reads and writes the three columns.
;;
;;   0     state s0 … s3 (i64, little-endian)
;;   64    rare path: the layer (i32), 68 the reason (i32: 0 the ziggurat's rare path, 1 e^y beyond
;;         the table), 72 the candidate x (f64)
;;   128   constants (f64): 2⁻⁵², 2⁻⁵³, 256/ln 2, 1.5·2⁵², ln 2/256 high and low parts, 1/6, 1/24, 700
;;   1024  zigX[0 … 256];  4096 2^(j/256), j = 0 … 255;  8192 2^e, e = −1024 … 1023
;;   32768 column A (out, or level);  65536 column B (mean);  98304 column C (scale): 4096 f64 each
;;
;; @see Blackman, D. & Vigna, S. (2021). Scrambled linear pseudorandom number generators. ACM TOMS 47(4).
;; @see Marsaglia, G. & Tsang, W. W. (2000). The ziggurat method for generating random variables. J. Stat. Softw. 5(8).
;; @see Tang, P. T. P. (1989). Table-driven implementation of the exponential function. ACM TOMS 15(2).
(module
  (memory (export "memory") 3 3)

  ;; One step: out = rotl(s1·5, 7)·9; t = s1≪17; s2⊕=s0; s3⊕=s1; s1⊕=s2; s0⊕=s3; s2⊕=t; s3 = rotl(s3, 45).
  ;; Written out in each loop below (the state lives in locals there).

  ;; Uniforms on [0, 1) into column A[0 … n): the top 53 bits times 2⁻⁵³.
  (func (export "fillUniform") (param $n i32)
    (local $s0 i64) (local $s1 i64) (local $s2 i64) (local $s3 i64) (local $r i64) (local $t i64)
    (local $at i32) (local $end i32) (local $scale f64)
    (local.set $s0 (i64.load (i32.const 0)))
    (local.set $s1 (i64.load (i32.const 8)))
    (local.set $s2 (i64.load (i32.const 16)))
    (local.set $s3 (i64.load (i32.const 24)))
    (local.set $scale (f64.load (i32.const 136)))
    (local.set $at (i32.const 32768))
    (local.set $end (i32.add (i32.const 32768) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $r (i64.mul (i64.rotl (i64.mul (local.get $s1) (i64.const 5)) (i64.const 7)) (i64.const 9)))
        (local.set $t (i64.shl (local.get $s1) (i64.const 17)))
        (local.set $s2 (i64.xor (local.get $s2) (local.get $s0)))
        (local.set $s3 (i64.xor (local.get $s3) (local.get $s1)))
        (local.set $s1 (i64.xor (local.get $s1) (local.get $s2)))
        (local.set $s0 (i64.xor (local.get $s0) (local.get $s3)))
        (local.set $s2 (i64.xor (local.get $s2) (local.get $t)))
        (local.set $s3 (i64.rotl (local.get $s3) (i64.const 45)))
        (f64.store (local.get $at) (f64.mul (f64.convert_i64_u (i64.shr_u (local.get $r) (i64.const 11))) (local.get $scale)))
        (local.set $at (i32.add (local.get $at) (i32.const 8)))
        (br $next)))
    (i64.store (i32.const 0) (local.get $s0))
    (i64.store (i32.const 8) (local.get $s1))
    (i64.store (i32.const 16) (local.get $s2))
    (i64.store (i32.const 24) (local.get $s3)))

  ;; Standard normals by the ziggurat into column A[from … n): layer from the low 8 bits, position
  ;; from the top 53 read as a signed number (the output ≫ 11, arithmetic) times 2⁻⁵², times zigX[layer].
  ;; Returns n, or the index of a candidate outside its layer's rectangle: its layer and x are at 64
  ;; and 72, the state after its step at 0, and the caller finishes it (zigguratSlow) and calls again.
  (func (export "fillNormal") (param $from i32) (param $n i32) (result i32)
    (local $s0 i64) (local $s1 i64) (local $s2 i64) (local $s3 i64) (local $r i64) (local $t i64)
    (local $k i32) (local $layer i32) (local $x f64) (local $scale f64)
    (local.set $s0 (i64.load (i32.const 0)))
    (local.set $s1 (i64.load (i32.const 8)))
    (local.set $s2 (i64.load (i32.const 16)))
    (local.set $s3 (i64.load (i32.const 24)))
    (local.set $scale (f64.load (i32.const 128)))
    (local.set $k (local.get $from))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $n)))
        (local.set $r (i64.mul (i64.rotl (i64.mul (local.get $s1) (i64.const 5)) (i64.const 7)) (i64.const 9)))
        (local.set $t (i64.shl (local.get $s1) (i64.const 17)))
        (local.set $s2 (i64.xor (local.get $s2) (local.get $s0)))
        (local.set $s3 (i64.xor (local.get $s3) (local.get $s1)))
        (local.set $s1 (i64.xor (local.get $s1) (local.get $s2)))
        (local.set $s0 (i64.xor (local.get $s0) (local.get $s3)))
        (local.set $s2 (i64.xor (local.get $s2) (local.get $t)))
        (local.set $s3 (i64.rotl (local.get $s3) (i64.const 45)))
        (local.set $layer (i32.and (i32.wrap_i64 (local.get $r)) (i32.const 255)))
        (local.set $x
          (f64.mul
            (f64.mul (f64.convert_i64_s (i64.shr_s (local.get $r) (i64.const 11))) (local.get $scale))
            (f64.load offset=1024 (i32.shl (local.get $layer) (i32.const 3)))))
        (if (i32.eqz (f64.lt (f64.abs (local.get $x)) (f64.load offset=1032 (i32.shl (local.get $layer) (i32.const 3)))))
          (then
            (i32.store (i32.const 64) (local.get $layer))
            (i32.store (i32.const 68) (i32.const 0))
            (f64.store (i32.const 72) (local.get $x))
            (br $done)))
        (f64.store offset=32768 (i32.shl (local.get $k) (i32.const 3)) (local.get $x))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (i64.store (i32.const 0) (local.get $s0))
    (i64.store (i32.const 8) (local.get $s1))
    (i64.store (i32.const 16) (local.get $s2))
    (i64.store (i32.const 24) (local.get $s3))
    (local.get $k))

  ;; The compound step, fused with its normals: A[k] ← A[k]·e^y, y = B[k & meanMask] + C[k & scaleMask]·x_k
  ;; for k in [from, n), x_k the normals fillNormal draws, e^y by Tang's table as fastExp computes it.
  ;; Returns n, or the index of an element left to the caller: reason 0, a candidate outside its
  ;; rectangle (as fillNormal); reason 1, an accepted x whose y is not within ±700 (fastExp's
  ;; Math.exp path); x at 72 either way, the state after the element's step at 0.
  (func (export "grow") (param $from i32) (param $n i32) (param $meanMask i32) (param $scaleMask i32) (result i32)
    (local $s0 i64) (local $s1 i64) (local $s2 i64) (local $s3 i64) (local $r i64) (local $t i64)
    (local $k i32) (local $layer i32) (local $x f64) (local $y f64) (local $scale f64)
    (local $kf f64) (local $whole i32) (local $rest f64)
    (local $inverse f64) (local $shifter f64) (local $high f64) (local $low f64) (local $c6 f64) (local $c24 f64) (local $limit f64)
    (local.set $s0 (i64.load (i32.const 0)))
    (local.set $s1 (i64.load (i32.const 8)))
    (local.set $s2 (i64.load (i32.const 16)))
    (local.set $s3 (i64.load (i32.const 24)))
    (local.set $scale (f64.load (i32.const 128)))
    (local.set $inverse (f64.load (i32.const 144)))
    (local.set $shifter (f64.load (i32.const 152)))
    (local.set $high (f64.load (i32.const 160)))
    (local.set $low (f64.load (i32.const 168)))
    (local.set $c6 (f64.load (i32.const 176)))
    (local.set $c24 (f64.load (i32.const 184)))
    (local.set $limit (f64.load (i32.const 192)))
    (local.set $k (local.get $from))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $n)))
        (local.set $r (i64.mul (i64.rotl (i64.mul (local.get $s1) (i64.const 5)) (i64.const 7)) (i64.const 9)))
        (local.set $t (i64.shl (local.get $s1) (i64.const 17)))
        (local.set $s2 (i64.xor (local.get $s2) (local.get $s0)))
        (local.set $s3 (i64.xor (local.get $s3) (local.get $s1)))
        (local.set $s1 (i64.xor (local.get $s1) (local.get $s2)))
        (local.set $s0 (i64.xor (local.get $s0) (local.get $s3)))
        (local.set $s2 (i64.xor (local.get $s2) (local.get $t)))
        (local.set $s3 (i64.rotl (local.get $s3) (i64.const 45)))
        (local.set $layer (i32.and (i32.wrap_i64 (local.get $r)) (i32.const 255)))
        (local.set $x
          (f64.mul
            (f64.mul (f64.convert_i64_s (i64.shr_s (local.get $r) (i64.const 11))) (local.get $scale))
            (f64.load offset=1024 (i32.shl (local.get $layer) (i32.const 3)))))
        (if (i32.eqz (f64.lt (f64.abs (local.get $x)) (f64.load offset=1032 (i32.shl (local.get $layer) (i32.const 3)))))
          (then
            (i32.store (i32.const 64) (local.get $layer))
            (i32.store (i32.const 68) (i32.const 0))
            (f64.store (i32.const 72) (local.get $x))
            (br $done)))
        (local.set $y
          (f64.add
            (f64.load offset=65536 (i32.shl (i32.and (local.get $k) (local.get $meanMask)) (i32.const 3)))
            (f64.mul
              (f64.load offset=98304 (i32.shl (i32.and (local.get $k) (local.get $scaleMask)) (i32.const 3)))
              (local.get $x))))
        (if (i32.eqz (f64.lt (f64.abs (local.get $y)) (local.get $limit)))
          (then
            (i32.store (i32.const 68) (i32.const 1))
            (f64.store (i32.const 72) (local.get $x))
            (br $done)))
        ;; fastExp: k = y·(256/ln 2) + 1.5·2⁵² − 1.5·2⁵² (round to nearest), r = y − k·high − k·low,
        ;; e^y = 2^⌊k/256⌋ · 2^((k mod 256)/256) · (1 + r(1 + r(1/2 + r(1/6 + r/24)))).
        (local.set $kf (f64.sub (f64.add (f64.mul (local.get $y) (local.get $inverse)) (local.get $shifter)) (local.get $shifter)))
        (local.set $whole (i32.trunc_f64_s (local.get $kf)))
        (local.set $rest (f64.sub (f64.sub (local.get $y) (f64.mul (local.get $kf) (local.get $high))) (f64.mul (local.get $kf) (local.get $low))))
        (f64.store offset=32768 (i32.shl (local.get $k) (i32.const 3))
          (f64.mul
            (f64.load offset=32768 (i32.shl (local.get $k) (i32.const 3)))
            (f64.mul
              (f64.mul
                (f64.load offset=8192 (i32.shl (i32.add (i32.shr_s (local.get $whole) (i32.const 8)) (i32.const 1024)) (i32.const 3)))
                (f64.load offset=4096 (i32.shl (i32.and (local.get $whole) (i32.const 255)) (i32.const 3))))
              (f64.add (f64.const 1)
                (f64.mul (local.get $rest)
                  (f64.add (f64.const 1)
                    (f64.mul (local.get $rest)
                      (f64.add (f64.const 0.5)
                        (f64.mul (local.get $rest)
                          (f64.add (local.get $c6) (f64.mul (local.get $rest) (local.get $c24))))))))))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (i64.store (i32.const 0) (local.get $s0))
    (i64.store (i32.const 8) (local.get $s1))
    (i64.store (i32.const 16) (local.get $s2))
    (i64.store (i32.const 24) (local.get $s3))
    (local.get $k)))
