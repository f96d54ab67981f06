/*
 * Plain-C reference for the LTC cell's speed: ncps's LTCCell forward (fused semi-implicit solver, 6 unfolds,
 * softplus-constrained parameters, epsilon 1e-8) on the AutoNCP(19, 1) wiring ncps builds for 32 inputs
 * (seed 22222), float32, batch 1. It reads nothing: the wiring is written out below, the weights are random
 * in ncps's initialisation ranges, the inputs are random. It prints steps per second, to be set beside
 * SimBenchmark's LTC figure (SimBenchmark scores sequences of 1,000 steps).
 *
 * Build and run:
 *   gcc -O3 -march=native -o /tmp/ltc_ref ltc_ref.c -lm && /tmp/ltc_ref
 * -ffast-math lets gcc call glibc's vectorised expf over the synapses (about 1.5x here); plain -O3 is the
 * reference.
 * With -DDENSE the synapse sums run over the full masked N x N and S x N matrices, literally as ncps
 * writes them; without it only over the synapses the masks keep, as LtcCell does.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define S 32
#define N 19
#define M 1
#define UNFOLDS 6
#define STEPS 1000
#define EPS 1e-8f

/* presynaptic sources of each destination neuron, -1 ends a row (printed from ncps 1.0.1's AutoNCP(19, 1)) */
static const int internal_rows[N][8] = {
    {1, 2, 3, 4, 5, 6, 7, -1}, {9, 12, 13, 14, 17, -1}, {3, 7, 10, 11, 12, 16, -1}, {5, 8, 9, 11, 13, 18, -1},
    {2, 6, 10, 12, 16, 18, -1}, {6, 9, 10, 11, 15, -1}, {8, 14, 15, 16, 17, -1}, {8, 13, 14, 15, 17, 18, -1},
    {-1}, {-1}, {-1}, {-1}, {-1}, {-1}, {-1}, {-1}, {-1}, {-1}, {-1}};
static const int sensory_rows[N][20] = {
    {-1}, {-1}, {-1}, {-1}, {-1}, {-1}, {-1}, {-1},
    {2, 3, 5, 7, 11, 14, 15, 20, 23, 26, 27, 28, 29, 30, -1},
    {3, 4, 7, 8, 9, 11, 13, 14, 19, 21, 22, 25, 28, -1},
    {6, 9, 10, 11, 13, 22, 23, 25, 26, 27, 29, -1},
    {0, 2, 4, 6, 9, 13, 15, 16, 17, 18, 20, 22, 24, 26, 28, 30, 31, -1},
    {1, 3, 6, 8, 13, 15, 16, 18, 19, 22, 27, 29, -1},
    {0, 1, 3, 5, 6, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22, 26, 28, 30, 31, -1},
    {0, 2, 7, 8, 9, 10, 12, 13, 17, 19, 21, 23, 25, 28, 31, -1},
    {0, 1, 2, 4, 5, 7, 10, 11, 12, 15, 16, 17, 20, 24, 26, 27, 30, 31, -1},
    {1, 2, 4, 5, 6, 8, 10, 12, 14, 19, 21, 24, 25, 29, 30, -1},
    {1, 3, 4, 5, 7, 8, 10, 12, 16, 18, 21, 23, 24, 29, 31, -1},
    {0, 14, 16, 17, 18, 19, 20, 23, 24, 25, 27, -1}};

/* parameters as ncps holds them, [source][dest] */
static float w[N][N], sigma_[N][N], mu[N][N], erev[N][N], mask[N][N];
static float sw[S][N], ssigma[S][N], smu[S][N], serev[S][N], smask[S][N];
static float gleak[N], vleak[N], cm[N], input_w[S], input_b[S], output_w[M], output_b[M];

/* the sparse form: synapses grouped by destination, sources increasing, f(w) * mask folded in */
static int row[N + 1], src[N * N], srow[N + 1], ssrc[S * N];
static float ew[N * N], esig[N * N], emu[N * N], eerev[N * N];
static float esw[S * N], essig[S * N], esmu[S * N], eserev[S * N];

static unsigned long long rng = 88172645463325252ULL;

static float uniform(float lo, float hi) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return lo + (hi - lo) * (float)((rng >> 11) * (1.0 / 9007199254740992.0));
}

static float softplus(float x) { return x > 20.f ? x : log1pf(expf(x)); }

static float sigmoidf(float z) { return 1.f / (1.f + expf(-z)); }

static void init(void) {
    for (int j = 0; j < N; j++) {
        for (int k = 0; internal_rows[j][k] >= 0; k++) mask[internal_rows[j][k]][j] = 1.f;
        for (int k = 0; sensory_rows[j][k] >= 0; k++) smask[sensory_rows[j][k]][j] = 1.f;
    }
    /* ncps's init_ranges */
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            w[i][j] = uniform(0.001f, 1.f);
            sigma_[i][j] = uniform(3.f, 8.f);
            mu[i][j] = uniform(0.3f, 0.8f);
            erev[i][j] = uniform(0.f, 1.f) < 0.5f ? -1.f : 1.f;
        }
    for (int i = 0; i < S; i++)
        for (int j = 0; j < N; j++) {
            sw[i][j] = uniform(0.001f, 1.f);
            ssigma[i][j] = uniform(3.f, 8.f);
            smu[i][j] = uniform(0.3f, 0.8f);
            serev[i][j] = uniform(0.f, 1.f) < 0.5f ? -1.f : 1.f;
        }
    for (int j = 0; j < N; j++) {
        gleak[j] = uniform(0.001f, 1.f);
        vleak[j] = uniform(-0.2f, 0.2f);
        cm[j] = uniform(0.4f, 0.6f);
    }
    for (int i = 0; i < S; i++) {
        input_w[i] = 1.f;
        input_b[i] = 0.f;
    }
    output_w[0] = 1.f;
    output_b[0] = 0.f;

    int c = 0, sc = 0;
    for (int j = 0; j < N; j++) {
        row[j] = c;
        for (int i = 0; i < N; i++)
            if (mask[i][j] != 0.f) {
                src[c] = i;
                ew[c] = softplus(w[i][j]) * mask[i][j];
                esig[c] = sigma_[i][j];
                emu[c] = mu[i][j];
                eerev[c] = erev[i][j];
                c++;
            }
        srow[j] = sc;
        for (int i = 0; i < S; i++)
            if (smask[i][j] != 0.f) {
                ssrc[sc] = i;
                esw[sc] = softplus(sw[i][j]) * smask[i][j];
                essig[sc] = ssigma[i][j];
                esmu[sc] = smu[i][j];
                eserev[sc] = serev[i][j];
                sc++;
            }
    }
    row[N] = c;
    srow[N] = sc;
}

/* one step: x (S inputs), h (N states) updated in place, out (M outputs) */
static void step(const float *x, float *h, float *out, float dt) {
    float in[S], num_s[N], den_s[N], cmt[N], gl[N], v[N], nv[N];
    for (int i = 0; i < S; i++) in[i] = x[i] * input_w[i] + input_b[i];
    for (int j = 0; j < N; j++) {
        float num = 0.f, den = 0.f;
#ifdef DENSE
        for (int i = 0; i < S; i++) {
            float wa = softplus(sw[i][j]) * sigmoidf(ssigma[i][j] * (in[i] - smu[i][j])) * smask[i][j];
            num += wa * serev[i][j];
            den += wa;
        }
#else
        for (int k = srow[j]; k < srow[j + 1]; k++) {
            float wa = esw[k] * sigmoidf(essig[k] * (in[ssrc[k]] - esmu[k]));
            num += wa * eserev[k];
            den += wa;
        }
#endif
        num_s[j] = num;
        den_s[j] = den;
        cmt[j] = softplus(cm[j]) / (dt / UNFOLDS);
        gl[j] = softplus(gleak[j]);
        v[j] = h[j];
    }
    for (int u = 0; u < UNFOLDS; u++) {
        for (int j = 0; j < N; j++) {
            float num = 0.f, den = 0.f;
#ifdef DENSE
            for (int i = 0; i < N; i++) {
                float wa = softplus(w[i][j]) * sigmoidf(sigma_[i][j] * (v[i] - mu[i][j])) * mask[i][j];
                num += wa * erev[i][j];
                den += wa;
            }
#else
            for (int k = row[j]; k < row[j + 1]; k++) {
                float wa = ew[k] * sigmoidf(esig[k] * (v[src[k]] - emu[k]));
                num += wa * eerev[k];
                den += wa;
            }
#endif
            nv[j] = (cmt[j] * v[j] + gl[j] * vleak[j] + (num + num_s[j])) / (cmt[j] + gl[j] + (den + den_s[j]) + EPS);
        }
        for (int j = 0; j < N; j++) v[j] = nv[j];
    }
    for (int j = 0; j < N; j++) h[j] = v[j];
    for (int m = 0; m < M; m++) out[m] = h[m] * output_w[m] + output_b[m];
}

static double seconds(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

int main(void) {
    static float xs[STEPS][S], outs[STEPS][M];
    float h[N];
    init();
    for (int t = 0; t < STEPS; t++)
        for (int i = 0; i < S; i++) xs[t][i] = uniform(-2.f, 2.f);
    double best = 0., bestCpu = 0.;
    float check = 0.f;
    for (int rep = 0; rep < 8; rep++) {
        int sequences = 0;
        double start = seconds(CLOCK_MONOTONIC), cpuStart = seconds(CLOCK_THREAD_CPUTIME_ID), elapsed;
        do {
            for (int j = 0; j < N; j++) h[j] = 0.f;
            for (int t = 0; t < STEPS; t++) step(xs[t], h, outs[t], 1.f);
            check += outs[STEPS - 1][0];
            sequences++;
            elapsed = seconds(CLOCK_MONOTONIC) - start;
        } while (elapsed < 1.0);
        double rate = sequences * (double)STEPS / elapsed;
        /* on a shared machine the thread's CPU time is steadier than the wall clock */
        double cpuRate = sequences * (double)STEPS / (seconds(CLOCK_THREAD_CPUTIME_ID) - cpuStart);
        printf("iteration %d: %.0f steps/s (%.0f per CPU second)\n", rep, rate, cpuRate);
        if (rate > best) best = rate;
        if (cpuRate > bestCpu) bestCpu = cpuRate;
    }
    printf("best: %.0f steps/s, %.0f per CPU second (batch 1, AutoNCP(19, 1), %d inputs, %d unfolds; checksum %g)\n",
           best, bestCpu, S, UNFOLDS, check);
    return 0;
}
