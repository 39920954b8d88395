/*
 * The few vector operations the reference loop uses, for LANES = 8 (AVX-512: one set per f64
 * lane of a zmm register, masks in k registers), 4 (AVX2) or 2 (128-bit SSE, the width of
 * WebAssembly SIMD). Every operation is one IEEE-754 instruction per lane (no fused
 * multiply-add: build with -ffp-contract=off), so each lane computes exactly what the engine's
 * scalar and WebAssembly loops compute for one set.
 */
#ifndef SWEEP_REF_SIMD_H
#define SWEEP_REF_SIMD_H
#include <immintrin.h>

#ifndef LANES
#define LANES 8
#endif

#if LANES == 8
typedef __m512d vd;
typedef __mmask8 vm;
#define ALL_LANES 0xFFu
static inline vd vset1(double x) { return _mm512_set1_pd(x); }
static inline vd vload(const double *p) { return _mm512_loadu_pd(p); }
static inline void vstore(double *p, vd a) { _mm512_storeu_pd(p, a); }
static inline vd vadd(vd a, vd b) { return _mm512_add_pd(a, b); }
static inline vd vsub(vd a, vd b) { return _mm512_sub_pd(a, b); }
static inline vd vmul(vd a, vd b) { return _mm512_mul_pd(a, b); }
static inline vd vdiv(vd a, vd b) { return _mm512_div_pd(a, b); }
static inline vd vabs(vd a) { return _mm512_abs_pd(a); }
static inline vm vlt(vd a, vd b) { return _mm512_cmp_pd_mask(a, b, _CMP_LT_OQ); }
static inline vm vgt(vd a, vd b) { return _mm512_cmp_pd_mask(a, b, _CMP_GT_OQ); }
static inline vm vge(vd a, vd b) { return _mm512_cmp_pd_mask(a, b, _CMP_GE_OQ); }
static inline vm veq(vd a, vd b) { return _mm512_cmp_pd_mask(a, b, _CMP_EQ_OQ); }
/* a != b as JavaScript has it: true when either is NaN */
static inline vm vne(vd a, vd b) { return _mm512_cmp_pd_mask(a, b, _CMP_NEQ_UQ); }
static inline vm vnan(vd a) { return _mm512_cmp_pd_mask(a, a, _CMP_UNORD_Q); }
/* lane-wise m ? a : b */
static inline vd vsel(vm m, vd a, vd b) { return _mm512_mask_blend_pd(m, b, a); }
static inline vm mand(vm a, vm b) { return a & b; }
static inline vm mor(vm a, vm b) { return a | b; }
static inline vm mxor(vm a, vm b) { return a ^ b; }
static inline vm mandnot(vm a, vm b) { return (vm)(~a & b); } /* !a && b */
static inline unsigned mbits(vm m) { return (unsigned)m; }
static inline vm mnone(void) { return 0; }
static inline vm mall(void) { return 0xFF; }
/* the lanes as f32, written to out[l * stride] */
static inline void vstore_f32_strided(float *out, long stride, vd a) {
  float f[8];
  _mm256_storeu_ps(f, _mm512_cvtpd_ps(a));
  for (int l = 0; l < 8; l++) out[l * stride] = f[l];
}

#elif LANES == 4
typedef __m256d vd;
typedef __m256d vm;
#define ALL_LANES 0xFu
static inline vd vset1(double x) { return _mm256_set1_pd(x); }
static inline vd vload(const double *p) { return _mm256_loadu_pd(p); }
static inline void vstore(double *p, vd a) { _mm256_storeu_pd(p, a); }
static inline vd vadd(vd a, vd b) { return _mm256_add_pd(a, b); }
static inline vd vsub(vd a, vd b) { return _mm256_sub_pd(a, b); }
static inline vd vmul(vd a, vd b) { return _mm256_mul_pd(a, b); }
static inline vd vdiv(vd a, vd b) { return _mm256_div_pd(a, b); }
static inline vd vabs(vd a) { return _mm256_andnot_pd(_mm256_set1_pd(-0.0), a); }
static inline vm vlt(vd a, vd b) { return _mm256_cmp_pd(a, b, _CMP_LT_OQ); }
static inline vm vgt(vd a, vd b) { return _mm256_cmp_pd(a, b, _CMP_GT_OQ); }
static inline vm vge(vd a, vd b) { return _mm256_cmp_pd(a, b, _CMP_GE_OQ); }
static inline vm veq(vd a, vd b) { return _mm256_cmp_pd(a, b, _CMP_EQ_OQ); }
static inline vm vne(vd a, vd b) { return _mm256_cmp_pd(a, b, _CMP_NEQ_UQ); }
static inline vm vnan(vd a) { return _mm256_cmp_pd(a, a, _CMP_UNORD_Q); }
static inline vd vsel(vm m, vd a, vd b) { return _mm256_blendv_pd(b, a, m); }
static inline vm mand(vm a, vm b) { return _mm256_and_pd(a, b); }
static inline vm mor(vm a, vm b) { return _mm256_or_pd(a, b); }
static inline vm mxor(vm a, vm b) { return _mm256_xor_pd(a, b); }
static inline vm mandnot(vm a, vm b) { return _mm256_andnot_pd(a, b); }
static inline unsigned mbits(vm m) { return (unsigned)_mm256_movemask_pd(m); }
static inline vm mnone(void) { return _mm256_setzero_pd(); }
static inline vm mall(void) { return _mm256_castsi256_pd(_mm256_set1_epi64x(-1)); }
static inline void vstore_f32_strided(float *out, long stride, vd a) {
  float f[4];
  _mm_storeu_ps(f, _mm256_cvtpd_ps(a));
  for (int l = 0; l < 4; l++) out[l * stride] = f[l];
}

#elif LANES == 2
typedef __m128d vd;
typedef __m128d vm;
#define ALL_LANES 0x3u
static inline vd vset1(double x) { return _mm_set1_pd(x); }
static inline vd vload(const double *p) { return _mm_loadu_pd(p); }
static inline void vstore(double *p, vd a) { _mm_storeu_pd(p, a); }
static inline vd vadd(vd a, vd b) { return _mm_add_pd(a, b); }
static inline vd vsub(vd a, vd b) { return _mm_sub_pd(a, b); }
static inline vd vmul(vd a, vd b) { return _mm_mul_pd(a, b); }
static inline vd vdiv(vd a, vd b) { return _mm_div_pd(a, b); }
static inline vd vabs(vd a) { return _mm_andnot_pd(_mm_set1_pd(-0.0), a); }
static inline vm vlt(vd a, vd b) { return _mm_cmplt_pd(a, b); }
static inline vm vgt(vd a, vd b) { return _mm_cmpgt_pd(a, b); }
static inline vm vge(vd a, vd b) { return _mm_cmpge_pd(a, b); }
static inline vm veq(vd a, vd b) { return _mm_cmpeq_pd(a, b); }
static inline vm vne(vd a, vd b) { return _mm_cmpneq_pd(a, b); }
static inline vm vnan(vd a) { return _mm_cmpunord_pd(a, a); }
/* WebAssembly's v128.bitselect */
static inline vd vsel(vm m, vd a, vd b) { return _mm_or_pd(_mm_and_pd(m, a), _mm_andnot_pd(m, b)); }
static inline vm mand(vm a, vm b) { return _mm_and_pd(a, b); }
static inline vm mor(vm a, vm b) { return _mm_or_pd(a, b); }
static inline vm mxor(vm a, vm b) { return _mm_xor_pd(a, b); }
static inline vm mandnot(vm a, vm b) { return _mm_andnot_pd(a, b); }
static inline unsigned mbits(vm m) { return (unsigned)_mm_movemask_pd(m); }
static inline vm mnone(void) { return _mm_setzero_pd(); }
static inline vm mall(void) { return _mm_castsi128_pd(_mm_set1_epi64x(-1)); }
static inline void vstore_f32_strided(float *out, long stride, vd a) {
  float f[4];
  _mm_storeu_ps(f, _mm_cvtpd_ps(a));
  out[0] = f[0];
  out[stride] = f[1];
}

#else
#error "LANES must be 8, 4 or 2"
#endif

/*
 * x, kept in a register: stops the compiler from folding a select of two loaded values into a
 * merge-masked load. On the cash holding's loop-carried chain (the mask comes from the value
 * the load then feeds), GCC 12's merge-masked broadcast made the AVX-512 loop 14× slower on
 * the AMD EPYC it was measured on.
 */
static inline vd vreg(vd x) {
  __asm__("" : "+v"(x));
  return x;
}

#endif
