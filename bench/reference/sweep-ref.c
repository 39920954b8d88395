/*
 * The hand-vectorized reference of a sweep's compute (bench/reference.ts): the kernel's growth
 * loop (lag, trading costs, cash interest; on-change rebalancing, two assets), the summary
 * metrics' sums, the 15 metrics and the monthly excess returns of many parameter sets, LANES
 * sets at a time, one set per f64 lane of a SIMD register (8 with AVX-512). It does not
 * evaluate strategies: it reads the weight columns the sweep's own weight step wrote
 * (ColumnEvaluator, exported by bench/reference.ts), so it does exactly the work the engine
 * does after the weights.
 *
 * Every lane performs the engine's operations in the engine's order (engine/simulate/kernel.ts
 * and advance.ts, engine/measure/metrics/summary-sums.ts and summary-metrics.ts,
 * engine/workflows/sweep/monthly-returns.ts), so its results are the sweep's bit for bit; the
 * bench checks that before timing anything. How it differs, not what: one pass over the bars
 * grows the holdings, trades, and accumulates the first metrics pass (returns, their sums, the
 * downside sum, the drawdown) and the monthly returns; a second pass over the kept returns
 * accumulates the centred moments. Decision rows are compared with the current target eight
 * rows at a time per set (the engine lists the rows that differ from the row before); a block
 * where some set's row differs runs bar by bar with the rows of all lanes side by side.
 *
 * The sets must be valid and never ruined (the bench's are): a weight row the engine would
 * refuse, or equity reaching 0, sets the set's error flag instead of reproducing the
 * engine's error or its ruin rules.
 *
 *   sweep-ref check IN OUT     compute every set once, write the records and monthly returns
 *   sweep-ref time IN PASSES [CHUNK]
 *                              CHUNK sets at a time (default all): one pass to bring their
 *                              weights into the cache, then PASSES timed passes; prints
 *                              {"lanes":…,"sets":…,"pass_ms":…}, the sum of the chunks'
 *                              median passes (the time of one pass over every set)
 *
 * IN (little-endian f64 unless said): 16 header values (magic 0x52435246, T, N, M, lag, cost
 * rate, initial equity, n = T − 1, periods per year, Σ(b − b̄)², calendar days, years, 1 + the
 * leverage tolerance, 0, 0, 0), growth factors [2T] (1 + r_a[t], row-major), cash growth [T],
 * borrow growth [T], the metrics' cash returns [T], centred benchmark excess returns [T],
 * monthly cash returns [M], month bounds [M + 1] (as f64), weights [N × 2 × T] (set by set:
 * small column, large column). OUT: N records of 32 f64 (final equity, turnover, rebalances,
 * costs, exposure sum, error flag, the 11 sums in summary-sums.ts's SUM order, the 12 summary
 * metrics in SUMMARY_KEYS order, exposure, annual turnover, rebalances), then N × M f32
 * monthly excess returns.
 *
 * Build (bench/reference/build.sh): gcc -O3 -march=native -ffp-contract=off -DLANES=8|4|2.
 * -ffp-contract=off matters: a fused multiply-add rounds once where the engine rounds twice.
 */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "simd.h"

enum { HEADER = 16, RECORD = 32, BLOCK = 8 };

typedef struct {
  long T, N, M, lag;
  double rate, initial, n, ppy, vb, days, years, lev;
  const double *g, *cg, *bg, *cash, *db, *mcash, *w;
  long *bounds; /* M + 2 entries: the last is a sentinel no bar reaches */
} Input;

/* The state of LANES sets: holdings, target, kernel sums, the first metrics pass, the month. */
typedef struct {
  vd hc, h0, h1, w0, w1, wc;
  vd expo, turn, costs, rebal;
  vd prev, peak, mdd, k, sr, sx, down;
  vd eb; /* equity at the start of the month */
  vm err;
  vm inv;    /* fully invested long-only: the exposure term is exactly 1 */
  int mixed; /* some lane neither fully invested nor all in cash: the exposure term needs its division */
} State;

/* Constants kept in registers. */
typedef struct {
  vd zero, one, two, inf, rate, margin, lev;
} Consts;

/*
 * One bar t of LANES sets: growth, (when `change`) the decision row x0, x1 of bar t − lag and
 * the trade it may cause, equity and exposure, then the first metrics pass and the month.
 */
static inline __attribute__((always_inline)) void bar(State *s, const Input *in, const Consts *c, long t, int change, const double *x0p,
                                                      const double *x1p, double *rbuf, long *m, long *nb, float *mout) {
  const vd zero = c->zero, one = c->one;
  /* growth (kernel.ts / advance.ts): h_c·g_c (borrow growth while h_c < 0), h_a·(1 + r_a), E = (h_c + h_0) + h_1 */
  s->hc = vmul(s->hc, vsel(vlt(s->hc, zero), vreg(vset1(in->bg[t])), vreg(vset1(in->cg[t]))));
  s->h0 = vmul(s->h0, vset1(in->g[2 * t]));
  s->h1 = vmul(s->h1, vset1(in->g[2 * t + 1]));
  vd E = vadd(vadd(s->hc, s->h0), s->h1);
  s->err = mor(s->err, mandnot(vgt(E, zero), mall())); /* ruined: not reproduced, flagged */
  int traded = 0;
  if (change) {
    const vd x0 = vload(x0p), x1 = vload(x1p);
    const vm n0 = vnan(x0), n1 = vnan(x1);
    s->err = mor(s->err, mxor(n0, n1)); /* a partly NaN row */
    /* changesTarget: a decision (x0 not NaN) that differs from the target */
    const vm ch = mandnot(n0, mor(vne(x0, s->w0), vne(x1, s->w1)));
    if (mbits(ch)) {
      const vd sum = vadd(vadd(zero, x0), x1);
      /* checkRow: no shorts, nothing infinite, no leverage */
      const vm bad = mor(mor(vlt(x0, zero), vlt(x1, zero)), mor(mor(veq(x0, c->inf), veq(x1, c->inf)), vgt(sum, c->lev)));
      s->err = mor(s->err, mand(ch, bad));
      s->w0 = vsel(ch, x0, s->w0);
      s->w1 = vsel(ch, x1, s->w1);
      s->wc = vsel(ch, vsub(one, sum), s->wc);
      /* the trade: traded value, cost, turnover, post-trade holdings */
      const vd tv = vadd(vabs(vsub(vmul(s->w0, E), s->h0)), vabs(vsub(vmul(s->w1, E), s->h1)));
      const vm tr = mand(ch, vgt(tv, zero));
      if (mbits(tr)) {
        traded = 1;
        const vd cost = vmul(tv, c->rate);
        const vd cd = vsub(vmul(s->wc, E), s->hc);
        const vd turnover = vdiv(vadd(tv, vabs(cd)), vmul(c->two, vabs(E)));
        s->rebal = vsel(tr, vadd(s->rebal, one), s->rebal);
        s->turn = vsel(tr, vadd(s->turn, turnover), s->turn);
        s->costs = vsel(tr, vadd(s->costs, cost), s->costs);
        const vd after = vsub(E, cost);
        s->err = mor(s->err, mandnot(vgt(after, zero), tr));
        s->h0 = vsel(tr, vmul(s->w0, after), s->h0);
        s->h1 = vsel(tr, vmul(s->w1, after), s->h1);
        s->hc = vsel(tr, vmul(after, s->wc), s->hc);
        E = vsel(tr, after, E);
        /* the holdings' kind changes only at trades (growth keeps signs and zeros) */
        const vm inv = mand(mand(veq(s->hc, zero), mand(vge(s->h0, zero), vge(s->h1, zero))), mor(vgt(s->h0, zero), vgt(s->h1, zero)));
        const vm cash = mand(mand(veq(s->h0, zero), veq(s->h1, zero)), vgt(s->hc, zero));
        s->inv = inv;
        s->mixed = mbits(mor(inv, cash)) != ALL_LANES;
      }
    }
  }
  /* exposure Σ|h_a| / |E|: exactly 1 fully invested, 0 all in cash (advance.ts's invested2 and cash2) */
  if (traded || s->mixed)
    s->expo = vadd(s->expo, vdiv(vadd(vabs(s->h0), vabs(s->h1)), vabs(E)));
  else
    s->expo = vadd(s->expo, vsel(s->inv, one, zero));

  if (t == 0) {
    s->eb = E;
    return;
  }
  /* summary-sums.ts, pass 1: r_t = E_t / E_{t−1} − 1 (0 after a zero), x_t = r_t − c_t, Σr, Σx, Σmin(x, 0)², drawdown */
  const vd r = vsel(vne(s->prev, zero), vsub(vdiv(E, s->prev), one), zero);
  s->prev = E;
  vstore(rbuf + t * LANES, r);
  const vd x = vsub(r, vset1(in->cash[t]));
  s->sr = vadd(s->sr, r);
  s->sx = vadd(s->sx, x);
  const vd neg = vsel(vlt(x, zero), x, zero);
  s->down = vadd(s->down, vmul(neg, neg));
  s->peak = vsel(vgt(E, s->peak), E, s->peak);
  if (mbits(vlt(E, vmul(s->peak, s->k)))) {
    /* a bar that may deepen a drawdown (summary-sums.as.ts's pre-test); its exact drawdown decides */
    const vd dd = vsub(vdiv(E, s->peak), one);
    s->mdd = vsel(vlt(dd, s->mdd), dd, s->mdd);
    s->k = vadd(vadd(one, s->mdd), c->margin);
  }
  /* monthly-returns.ts: E[end] / E[start] − 1 − the month's cash return, as f32 */
  if (t == *nb) {
    const vd me = vsub(vsub(vdiv(E, s->eb), one), vset1(in->mcash[*m]));
    vstore_f32_strided(mout + *m, in->M, me);
    s->eb = E;
    (*m)++;
    *nb = in->bounds[*m + 1];
  }
}

/* True when, for every lane, rows d … d + 7 equal the lane's target or are all NaN (no row can change a target). */
static inline int unchanged(const double *const *c0, const double *const *c1, const double *w0s, const double *w1s, long d) {
  for (int l = 0; l < LANES; l++) {
    const vd a0 = vset1(w0s[l]), a1 = vset1(w1s[l]);
    for (int q = 0; q < BLOCK; q += LANES) {
      const vd x0 = vload(c0[l] + d + q), x1 = vload(c1[l] + d + q);
      const vm ok = mor(mand(veq(x0, a0), veq(x1, a1)), mand(vnan(x0), vnan(x1)));
      if (mbits(ok) != ALL_LANES) return 0;
    }
  }
  return 1;
}

/* 1 when row d of a set breaks checkRow's rules (validate-targets.ts). */
static int bad_row(double x0, double x1, double lev) {
  const int n0 = x0 != x0, n1 = x1 != x1;
  if (n0 && n1) return 0;
  if (n0 || n1) return 1;
  const double sum = (0.0 + x0) + x1;
  return x0 < 0 || x1 < 0 || x0 == INFINITY || x1 == INFINITY || sum > lev;
}

/* normal.ts's normalCdf, operation for operation. */
static double normal_cdf(double x) {
  if (x != x) return NAN;
  const double z = fabs(x);
  double c;
  if (z > 37)
    c = 0;
  else {
    const double e = exp(-0.5 * z * z);
    if (z < 7.07106781186547) {
      double n = 3.52624965998911e-2 * z + 0.700383064443688;
      n = n * z + 6.37396220353165;
      n = n * z + 33.912866078383;
      n = n * z + 112.079291497871;
      n = n * z + 221.213596169931;
      n = n * z + 220.206867912376;
      double d = 8.83883476483184e-2 * z + 1.75566716318264;
      d = d * z + 16.064177579207;
      d = d * z + 86.7807322029461;
      d = d * z + 296.564248779674;
      d = d * z + 637.333633378831;
      d = d * z + 793.826512519948;
      d = d * z + 440.413735824752;
      c = (e * n) / d;
    } else {
      double b = z + 0.65;
      b = z + 4 / b;
      b = z + 3 / b;
      b = z + 2 / b;
      b = z + 1 / b;
      c = e / b / 2.506628274631;
    }
  }
  return x > 0 ? 1 - c : c;
}

/* psr.ts's probabilisticSharpe against 0. */
static double psr(double sr, double n, double skew, double kurt) {
  const double denom = 1 - skew * sr + ((kurt + 2) / 4) * sr * sr;
  if (!(n > 1) || !(denom > 0)) return NAN;
  return normal_cdf(((sr - 0) * sqrt(n - 1)) / sqrt(denom));
}

/* summary-metrics.ts's metricsOfSums plus run-batch.ts's three kernel counts: rec[17 …] from rec[0 …]. */
static void metrics(const Input *in, double *rec) {
  const double *s = rec + 6;
  double *o = rec + 17;
  const double n = in->n, ppy = in->ppy;
  const double mx = s[1] / n, mdd = s[3];
  const double vr = s[4], m3 = s[6], m4 = s[8], vx = s[5], x3 = s[7], x4 = s[9], down = s[2], cov = s[10];
  const double total = rec[0] / in->initial - 1;
  const double cagr = in->days > 0 ? pow(1 + total, 365.25 / in->days) - 1 : NAN;
  const double pop2 = vr / n, xpop2 = vx / n;
  const double sharpeBar = mx / sqrt(vx / (n - 1));
  const double xs = xpop2 > 0 ? x3 / n / pow(xpop2, 1.5) : NAN;
  const double xk = xpop2 > 0 ? x4 / n / (xpop2 * xpop2) - 3 : NAN;
  o[0] = total;
  o[1] = cagr;
  o[2] = sqrt(vr / (n - 1)) * sqrt(ppy);
  o[3] = sharpeBar * sqrt(ppy);
  o[4] = (mx / sqrt(down / n)) * sqrt(ppy);
  o[5] = mdd;
  o[6] = mdd < 0 ? cagr / -mdd : NAN;
  o[7] = pop2 > 0 ? m3 / n / pow(pop2, 1.5) : NAN;
  o[8] = pop2 > 0 ? m4 / n / (pop2 * pop2) - 3 : NAN;
  o[9] = psr(sharpeBar, n, xs, xk);
  o[10] = in->vb > 0 ? cov / in->vb : NAN;
  o[11] = sharpeBar;
  o[12] = in->T > 0 ? rec[4] / (double)in->T : NAN;
  o[13] = rec[1] / in->years;
  o[14] = rec[2];
}

/* Sets first … first + LANES − 1 (indexes past N repeat the last set): records and monthly returns. */
static void run_group(const Input *in, long first, double *rbuf, double *recs, float *monthly) {
  const long T = in->T, lag = in->lag;
  const double *c0[LANES], *c1[LANES];
  for (int l = 0; l < LANES; l++) {
    const long set = first + l < in->N ? first + l : in->N - 1;
    c0[l] = in->w + 2 * set * T;
    c1[l] = c0[l] + T;
  }
  const Consts c = {vset1(0), vset1(1), vset1(2), vset1(INFINITY), vset1(in->rate), vset1(1e-12), vset1(in->lev)};
  const vd zero = c.zero;
  State s = {
      .hc = vset1(in->initial),
      .h0 = zero,
      .h1 = zero,
      .w0 = vset1(NAN),
      .w1 = vset1(NAN),
      .wc = c.one,
      .expo = zero,
      .turn = zero,
      .costs = zero,
      .rebal = zero,
      .prev = vset1(in->initial),
      .peak = vset1(in->initial),
      .mdd = zero,
      .k = vadd(c.one, c.margin),
      .sr = zero,
      .sx = zero,
      .down = zero,
      .eb = zero,
      .err = mnone(),
      .inv = mnone(),
      .mixed = 0,
  };
  float *mout = monthly + first * in->M;
  long m = 0, nb = in->bounds[1];
  double w0s[LANES], w1s[LANES];
  for (int l = 0; l < LANES; l++) w0s[l] = w1s[l] = NAN;
  double tb0[BLOCK * LANES], tb1[BLOCK * LANES];

  long t = 0;
  for (; t < lag && t < T; t++) bar(&s, in, &c, t, 0, 0, 0, rbuf, &m, &nb, mout);
  const long R = T > lag ? T - lag : 0; /* rows read by bars lag … T − 1 */
  long d = 0;
  for (; d + BLOCK <= R; d += BLOCK) {
    if (unchanged(c0, c1, w0s, w1s, d)) {
      for (int j = 0; j < BLOCK; j++) bar(&s, in, &c, d + j + lag, 0, 0, 0, rbuf, &m, &nb, mout);
      continue;
    }
    for (int j = 0; j < BLOCK; j++)
      for (int l = 0; l < LANES; l++) {
        tb0[j * LANES + l] = c0[l][d + j];
        tb1[j * LANES + l] = c1[l][d + j];
      }
    for (int j = 0; j < BLOCK; j++) bar(&s, in, &c, d + j + lag, 1, tb0 + j * LANES, tb1 + j * LANES, rbuf, &m, &nb, mout);
    vstore(w0s, s.w0);
    vstore(w1s, s.w1);
  }
  if (d < R) {
    const long k = R - d;
    for (long j = 0; j < k; j++)
      for (int l = 0; l < LANES; l++) {
        tb0[j * LANES + l] = c0[l][d + j];
        tb1[j * LANES + l] = c1[l][d + j];
      }
    for (long j = 0; j < k; j++) bar(&s, in, &c, d + j + lag, 1, tb0 + j * LANES, tb1 + j * LANES, rbuf, &m, &nb, mout);
  }

  /* summary-sums.ts, pass 2: centred moments of r and x, and Σ(x − x̄)(b − b̄) */
  const vd nv = vset1(in->n);
  const vd mr = vdiv(s.sr, nv), mx = vdiv(s.sx, nv);
  vd r2 = zero, r3 = zero, r4 = zero, x2 = zero, x3 = zero, x4 = zero, cov = zero;
  for (long u = 1; u < T; u++) {
    const vd r = vload(rbuf + u * LANES);
    const vd dr = vsub(r, mr);
    const vd dx = vsub(vsub(r, vset1(in->cash[u])), mx);
    const vd dr2 = vmul(dr, dr), dr3 = vmul(dr2, dr);
    const vd dx2 = vmul(dx, dx), dx3 = vmul(dx2, dx);
    r2 = vadd(r2, dr2);
    r3 = vadd(r3, dr3);
    r4 = vadd(r4, vmul(dr3, dr));
    x2 = vadd(x2, dx2);
    x3 = vadd(x3, dx3);
    x4 = vadd(x4, vmul(dx3, dx));
    cov = vadd(cov, vmul(dx, vset1(in->db[u])));
  }

  /* per set: the records */
  double v[17][LANES];
  const vd all[17] = {s.prev, s.turn, s.rebal, s.costs, s.expo, vsel(s.err, c.one, zero), s.sr, s.sx, s.down, s.mdd, r2, x2, r3, x3, r4, x4, cov};
  for (int i = 0; i < 17; i++) vstore(v[i], all[i]);
  for (int l = 0; l < LANES && first + l < in->N; l++) {
    double *rec = recs + (first + l) * RECORD;
    for (int i = 0; i < 17; i++) rec[i] = v[i][l];
    if (T < 2) rec[0] = in->initial; /* no bar after the first: its equity is never a "previous" one */
    for (long dd = R > 0 ? R : 0; dd < T; dd++)
      if (bad_row(c0[l][dd], c1[l][dd], in->lev)) rec[5] = 1; /* the last `lag` rows, which no bar trades */
    metrics(in, rec);
  }
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void *aligned(size_t bytes) {
  void *p = NULL;
  if (posix_memalign(&p, 64, bytes ? bytes : 64) != 0) {
    fprintf(stderr, "sweep-ref: out of memory\n");
    exit(2);
  }
  return p;
}

static Input load(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "sweep-ref: cannot open %s\n", path);
    exit(2);
  }
  double h[HEADER];
  if (fread(h, sizeof h, 1, f) != 1 || h[0] != (double)0x52435246) {
    fprintf(stderr, "sweep-ref: %s is not a reference input\n", path);
    exit(2);
  }
  Input in = {.T = (long)h[1],
              .N = (long)h[2],
              .M = (long)h[3],
              .lag = (long)h[4],
              .rate = h[5],
              .initial = h[6],
              .n = h[7],
              .ppy = h[8],
              .vb = h[9],
              .days = h[10],
              .years = h[11],
              .lev = h[12]};
  const long T = in.T, M = in.M, N = in.N;
  const size_t count = (size_t)(6 * T + M + (M + 1) + 2 * N * T);
  double *buf = aligned(count * sizeof(double));
  if (fread(buf, sizeof(double), count, f) != count) {
    fprintf(stderr, "sweep-ref: %s is truncated\n", path);
    exit(2);
  }
  fclose(f);
  in.g = buf;
  in.cg = buf + 2 * T;
  in.bg = in.cg + T;
  in.cash = in.bg + T;
  in.db = in.cash + T;
  in.mcash = in.db + T;
  const double *b = in.mcash + M;
  in.bounds = malloc((size_t)(M + 2) * sizeof(long));
  for (long i = 0; i <= M; i++) in.bounds[i] = (long)b[i];
  in.bounds[M + 1] = -1;
  in.w = b + M + 1;
  return in;
}

static int by_value(const void *a, const void *b) {
  const double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* Sets first … first + count − 1 (a multiple of LANES, or the last sets). */
static void pass(const Input *in, long first, long count, double *rbuf, double *recs, float *monthly) {
  for (long g = first; g < first + count; g += LANES) run_group(in, g, rbuf, recs, monthly);
}

int main(int argc, char **argv) {
  if (argc < 4 || (strcmp(argv[1], "check") != 0 && strcmp(argv[1], "time") != 0)) {
    fprintf(stderr, "usage: sweep-ref check IN OUT | sweep-ref time IN PASSES [CHUNK]\n");
    return 2;
  }
  const Input in = load(argv[2]);
  const long groups = (in.N + LANES - 1) / LANES;
  double *rbuf = aligned((size_t)(in.T + 1) * LANES * sizeof(double));
  double *recs = aligned((size_t)in.N * RECORD * sizeof(double));
  float *monthly = aligned((size_t)groups * LANES * in.M * sizeof(float)); /* padded lanes write past N */
  if (strcmp(argv[1], "check") == 0) {
    pass(&in, 0, in.N, rbuf, recs, monthly);
    FILE *f = fopen(argv[3], "wb");
    if (!f || fwrite(recs, sizeof(double) * RECORD, in.N, f) != (size_t)in.N || fwrite(monthly, sizeof(float) * in.M, in.N, f) != (size_t)in.N) {
      fprintf(stderr, "sweep-ref: cannot write %s\n", argv[3]);
      return 2;
    }
    fclose(f);
    return 0;
  }
  /*
   * Chunk by chunk (CHUNK sets, a multiple of LANES; default all): one pass over the chunk
   * brings its weights into the cache (as a strategy writing them would), then PASSES timed
   * passes; the figure is the sum over chunks of each chunk's median pass.
   */
  const long passes = atol(argv[3]);
  long chunk = argc > 4 ? atol(argv[4]) : in.N;
  chunk = chunk < LANES ? LANES : (chunk / LANES) * LANES;
  double *times = aligned((size_t)(passes > 0 ? passes : 1) * sizeof(double));
  double total = 0, check = 0;
  long chunks = 0;
  for (long first = 0; first < in.N; first += chunk, chunks++) {
    const long count = first + chunk <= in.N ? chunk : in.N - first;
    pass(&in, first, count, rbuf, recs, monthly);
    for (long p = 0; p < passes; p++) {
      const double t0 = now_ms();
      pass(&in, first, count, rbuf, recs, monthly);
      times[p] = now_ms() - t0;
      check += recs[first * RECORD];
    }
    qsort(times, (size_t)passes, sizeof(double), by_value);
    total += passes % 2 ? times[passes / 2] : (times[passes / 2 - 1] + times[passes / 2]) / 2;
  }
  printf("{\"lanes\":%d,\"sets\":%ld,\"bars\":%ld,\"chunk\":%ld,\"chunks\":%ld,\"pass_ms\":%.6f,\"checksum\":%.17g}\n", LANES, in.N, in.T, chunk, chunks, total,
         check);
  return 0;
}
