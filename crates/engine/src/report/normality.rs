//! The Shapiro–Wilk test of normality, as Royston's algorithm AS R94 computes it (the version
//! SPSS, R and scipy use), with its own normal quantile (AS 241, PPND7) and tail area (AS 66), so
//! W and p agree with scipy's `shapiro` to the last digits. Pure.

use super::stats::{Figure, Undefined};

/// W and its p-value for `xs` (n ≥ 3; at most 5000, as the algorithm is made for).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ShapiroWilk {
    /// The W statistic.
    pub w: Figure,
    /// Its p.
    pub p: Figure,
}

/// `c[0] + c[1]·x + c[2]·x² + …`
fn poly(c: &[f64], x: f64) -> f64 {
    c.iter().rev().fold(0.0, |acc, k| acc * x + k)
}

/// The normal quantile of AS 241 (PPND7), accurate to about 1 part in 10⁷ as the algorithm
/// expects.
fn ppnd7(p: f64) -> f64 {
    let q = p - 0.5;
    if q.abs() <= 0.42 {
        let r = q * q;
        let num =
            q * (((-25.44106049637 * r + 41.39119773534) * r - 18.61500062529) * r + 2.50662823884);
        let den = (((3.13082909833 * r - 21.06224101826) * r + 23.08336743743) * r - 8.47351093090)
            * r
            + 1.0;
        return num / den;
    }
    let r = if q > 0.0 { 1.0 - p } else { p };
    if r <= 0.0 {
        return 0.0;
    }
    let r = (-r.ln()).sqrt();
    let v = (((2.32121276858 * r + 4.85014127135) * r - 2.29796479134) * r - 2.78718931138)
        / ((1.63706781897 * r + 3.54388924762) * r + 1.0);
    if q < 0.0 { -v } else { v }
}

/// The upper tail area of the standard normal beyond `x` (AS 66).
fn upper_tail(x: f64) -> f64 {
    let (z, upper) = if x > 0.0 { (x, true) } else { (-x, false) };
    if !(z <= 7.0 || (upper && z <= 38.0)) {
        return if upper { 0.0 } else { 1.0 };
    }
    let y = 0.5 * z * z;
    let tail = if z <= 1.28 {
        0.5 - z
            * (0.398942280444
                - 0.399903438504 * y
                    / (y + 5.75885480458
                        - 29.8213557808
                            / (y + 2.62433121679 + 48.6959930692 / (y + 5.92885724438))))
    } else {
        0.398942280385 * (-y).exp()
            / (z - 3.8052e-8
                + 1.00000615302
                    / (z + 3.98064794e-4
                        + 1.98615381364
                            / (z - 0.151679116635
                                + 5.29330324926
                                    / (z + 4.8385912808
                                        - 15.1508972451
                                            / (z + 0.742380924027
                                                + 30.789933034 / (z + 3.99019417011))))))
    };
    if upper { tail } else { 1.0 - tail }
}

/// The coefficients a₁…a_{n/2} for a sample of `n`.
fn coefficients(n: usize) -> Vec<f64> {
    let half = n / 2;
    if n == 3 {
        return vec![std::f64::consts::FRAC_1_SQRT_2];
    }
    const C1: [f64; 6] = [0.0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056];
    const C2: [f64; 6] = [0.0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633];
    let an = n as f64;
    let m: Vec<f64> = (1..=half)
        .map(|i| ppnd7((i as f64 - 0.375) / (an + 0.25)))
        .collect();
    let summ2 = 2.0 * m.iter().map(|v| v * v).sum::<f64>();
    let ssumm2 = summ2.sqrt();
    let rsn = 1.0 / an.sqrt();
    // n ≥ 4 here, so m has at least two values.
    let (m0, m1) = (
        m.first().copied().unwrap_or(0.0),
        m.get(1).copied().unwrap_or(0.0),
    );
    let a1 = poly(&C1, rsn) - m0 / ssumm2;
    let mut a: Vec<f64> = m.clone();
    let (first, fac) = if n > 5 {
        let a2 = -m1 / ssumm2 + poly(&C2, rsn);
        let fac = ((summ2 - 2.0 * m0 * m0 - 2.0 * m1 * m1) / (1.0 - 2.0 * a1 * a1 - 2.0 * a2 * a2))
            .sqrt();
        if let Some(v) = a.get_mut(1) {
            *v = a2;
        }
        (2, fac)
    } else {
        (1, ((summ2 - 2.0 * m0 * m0) / (1.0 - 2.0 * a1 * a1)).sqrt())
    };
    if let Some(v) = a.first_mut() {
        *v = a1;
    }
    for v in a.iter_mut().skip(first) {
        *v = -*v / fac;
    }
    a
}

/// The Shapiro–Wilk W and its p (Royston).
pub fn shapiro_wilk(xs: &[f64]) -> ShapiroWilk {
    let n = xs.len();
    let none = |u| ShapiroWilk {
        w: Err(u),
        p: Err(u),
    };
    if n < 3 {
        return none(Undefined::TooFew);
    }
    if n > 5000 {
        return none(Undefined::TooMany);
    }
    let mut x = xs.to_vec();
    x.sort_by(f64::total_cmp);
    let median = x.get(n / 2).copied().unwrap_or(0.0);
    for v in &mut x {
        *v -= median;
    }
    let range = x.last().copied().unwrap_or(0.0) - x.first().copied().unwrap_or(0.0);
    if range < 1e-19 {
        return none(Undefined::NoVariation);
    }
    let a = coefficients(n);
    // The full antisymmetric coefficient vector, lowest value first.
    let coef = |i: usize| -> f64 {
        let j = n - 1 - i;
        if i == j {
            0.0
        } else if i < j {
            -a.get(i).copied().unwrap_or(0.0)
        } else {
            a.get(j).copied().unwrap_or(0.0)
        }
    };
    let xs: Vec<f64> = x.iter().map(|v| v / range).collect();
    let sa = (0..n).map(coef).sum::<f64>() / n as f64;
    let sx = xs.iter().sum::<f64>() / n as f64;
    let (mut ssa, mut ssx, mut sax) = (0.0, 0.0, 0.0);
    for (i, xi) in xs.iter().enumerate() {
        let asa = coef(i) - sa;
        let xsx = xi - sx;
        ssa += asa * asa;
        ssx += xsx * xsx;
        sax += asa * xsx;
    }
    // 1 − W, computed so that W near 1 keeps its digits.
    let root = (ssa * ssx).sqrt();
    let w1 = (root - sax) * (root + sax) / (ssa * ssx);
    let w = 1.0 - w1;
    if n == 3 {
        if w < 0.75 {
            return ShapiroWilk {
                w: Ok(0.75),
                p: Ok(0.0),
            };
        }
        let p = 1.0 - 6.0 / std::f64::consts::PI * w.sqrt().acos();
        return ShapiroWilk { w: Ok(w), p: Ok(p) };
    }
    let an = n as f64;
    let mut y = w1.ln();
    let (m, s) = if n <= 11 {
        let gamma = poly(&[-2.273, 0.459], an);
        if y >= gamma {
            return ShapiroWilk {
                w: Ok(w),
                p: Ok(1e-19),
            };
        }
        y = -(gamma - y).ln();
        (
            poly(&[0.544, -0.39978, 0.025054, -6.714e-4], an),
            poly(&[1.3822, -0.77857, 0.062767, -0.0020322], an).exp(),
        )
    } else {
        let l = an.ln();
        (
            poly(&[-1.5861, -0.31082, -0.083751, 0.0038915], l),
            poly(&[-0.4803, -0.082676, 0.0030302], l).exp(),
        )
    };
    ShapiroWilk {
        w: Ok(w),
        p: Ok(upper_tail((y - m) / s)),
    }
}

#[cfg(test)]
mod tests {
    //! Reference values from scipy 1.17.1 (`pip install scipy`), with the command above each.
    use super::*;

    fn close(a: f64, b: f64, tol: f64) {
        assert!((a - b).abs() < tol * b.abs().max(1.0), "{a} vs {b}");
    }

    fn check(xs: &[f64], w: f64, p: f64) {
        let r = shapiro_wilk(xs);
        close(r.w.unwrap(), w, 1e-9);
        close(r.p.unwrap(), p, 1e-9);
    }

    // python3 -c "from scipy import stats; print(stats.shapiro([10,20,-10,30,0,10,20,10,40,-20]))"
    #[test]
    fn ten_differences_with_ties_and_a_zero() {
        check(
            &[10.0, 20.0, -10.0, 30.0, 0.0, 10.0, 20.0, 10.0, 40.0, -20.0],
            0.9755175910070428,
            0.9367686433195225,
        );
    }

    // python3 -c "from scipy import stats; print(stats.shapiro([50,20,40,30]), stats.shapiro([10,10,40]), stats.shapiro([0,10,20,30,100]))"
    #[test]
    fn three_four_and_five_values() {
        check(
            &[50.0, 20.0, 40.0, 30.0],
            0.9929120069984326,
            0.9718770585603881,
        );
        check(
            &[10.0, 10.0, 40.0],
            0.7500000000000002,
            7.771561172376096e-16,
        );
        check(
            &[0.0, 10.0, 20.0, 30.0, 100.0],
            0.8093032925024601,
            0.09628273930556716,
        );
    }

    // python3 -c "import numpy as np; from scipy import stats; x=np.round(np.sin(np.arange(1,31)*1.7)*30+np.arange(1,31)); print(list(x)); print(stats.shapiro(x))"
    #[test]
    fn thirty_values_use_the_large_sample_branch() {
        let x: Vec<f64> = (1..=30)
            .map(|i| ((f64::from(i) * 1.7).sin() * 30.0 + f64::from(i)).round())
            .collect();
        check(&x, 0.9603932679442561, 0.31701619983208856);
    }

    // python3 -c "from scipy import stats; print(stats.shapiro([0,0,0,0,0,0,0,0,0,50]), stats.shapiro([-10,0,0,10,10,10,20,20,30,30,30,40,60,60,90]))"
    #[test]
    fn an_outlier_is_not_normal_and_a_spread_is() {
        check(
            &[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 50.0],
            0.36572062769765235,
            1.0036928213864587e-07,
        );
        check(
            &[
                -10.0, 0.0, 0.0, 10.0, 10.0, 10.0, 20.0, 20.0, 30.0, 30.0, 30.0, 40.0, 60.0, 60.0,
                90.0,
            ],
            0.9253294253383707,
            0.23212044178635544,
        );
    }

    #[test]
    fn too_few_or_all_equal_give_reasons() {
        assert_eq!(shapiro_wilk(&[1.0, 2.0]).w, Err(Undefined::TooFew));
        assert_eq!(
            shapiro_wilk(&[10.0, 10.0, 10.0]).p,
            Err(Undefined::NoVariation)
        );
    }
}
