//! `pijat quiz --plain`: a quiz line by line on stdin/stdout, for screen readers and scripts.
//! No colour, no cursor movement: one question, one answer line, one saved answer.

use pijat_core::strings::cli::tr;
use std::io::{BufRead, Write};

use super::{EXIT_INPUT, EXIT_USAGE, Shell};
use pijat_app::{Profile, Records};
use pijat_app::{QuizRun, Start, StartArgs, prepost};
use pijat_content::{Content, Lang, Phase, Purpose, QuestionKind, Quiz};
use pijat_core::{Role, clean_name};
use pijat_engine::quiz::{
    Feedback, Response, Score, Shown, answer_text, format_change_in, parse_token, response_text,
};

mod profile;
mod show;
use profile::*;
use show::*;

#[derive(Clone, Debug, clap::Args)]
pub struct PlainArgs {
    /// The question set (default: the pre/post test)
    #[arg(long, value_name = "ID")]
    pub quiz: Option<String>,
    /// pre, post or practice (default: pre until taken, then post; practice for other sets)
    #[arg(long, value_parser = super::parse_phase, value_name = "pre|post|practice")]
    pub phase: Option<Phase>,
    /// The trainee; created when new (asked for when left out)
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// A new profile's role: father, cadre, midwife or other (ayah, kader, bidan, lainnya)
    #[arg(long, value_parser = super::parse_role, value_name = "ROLE")]
    pub role: Option<Role>,
    /// File the attempt under this class (created when new)
    #[arg(long, value_name = "NAME")]
    pub class: Option<String>,
    /// Keep questions and options in file order (order items are still mixed)
    #[arg(long)]
    pub no_shuffle: bool,
}

pub(crate) fn phase_label(phase: Phase, lang: &Lang) -> &'static str {
    match phase {
        Phase::Pre => tr(lang).pre_test_both_names,
        Phase::Post => tr(lang).post_test_both_names,
        Phase::Practice => tr(lang).practice,
    }
}

/// The keys that answer a question, in words.
pub(crate) fn keys_hint(kind: &QuestionKind, n: usize, lang: &Lang) -> String {
    let last = (b'a' + n.saturating_sub(1) as u8) as char;
    match kind {
        QuestionKind::TrueFalse { .. } => tr(lang).answer_t_true_f.into(),
        QuestionKind::Single { .. } => pijat_core::fill!(
            cli,
            pijat_core::strings::cli::tr(lang),
            answer_one_letter_number,
            last = last,
            n = n
        ),
        QuestionKind::Multiple { .. } => pijat_core::fill!(
            cli,
            pijat_core::strings::cli::tr(lang),
            answer_every_right_letter,
            last = last
        ),
        QuestionKind::Order { .. } => pijat_core::fill!(
            cli,
            pijat_core::strings::cli::tr(lang),
            answer_numbers_1_right,
            n = n
        ),
    }
}

/// Chooses the quiz: `--quiz ID`, else the pre/post set.
fn pick_quiz<'c>(content: &'c Content, id: Option<&str>, lang: &Lang) -> Result<&'c Quiz, String> {
    let found = match id {
        Some(id) => content.quiz(id),
        None => content.prepost_quiz(),
    };
    found.ok_or_else(|| {
        let ids: Vec<&str> = content.quizzes.iter().map(|q| q.id.as_str()).collect();
        let ids = ids.join(", ");
        match id {
            Some(id) => {
                pijat_core::fill!(cli, tr(lang), no_quiz_quizzes, id = id, ids = ids)
            }
            None => tr(lang).there_no_pre_post.into(),
        }
    })
}

/// The pre-test until it is done, then the post-test; practice for other sets.
fn default_phase(store: &Records, profile: &Profile, quiz: &Quiz) -> pijat_app::Result<Phase> {
    if quiz.purpose != Purpose::PrePost {
        return Ok(Phase::Practice);
    }
    let pp = prepost(store, &profile.id, &quiz.id)?;
    Ok(if pp.pre.is_some() {
        Phase::Post
    } else {
        Phase::Pre
    })
}

/// Reads one line; `None` at the end of input. Bytes that are not UTF-8 are kept as `�`.
fn read_line(input: &mut dyn BufRead) -> std::io::Result<Option<String>> {
    let mut buf = Vec::new();
    if input.read_until(b'\n', &mut buf)? == 0 {
        return Ok(None);
    }
    Ok(Some(
        String::from_utf8_lossy(&buf)
            .trim_end_matches(['\n', '\r'])
            .to_string(),
    ))
}

fn score_line(s: Score, lang: &Lang) -> String {
    let word = tr(lang).score;
    format!("{word} {}/{} ({}%)", s.right, s.total, s.whole_percent())
}

pub(crate) fn run(
    shell: &Shell,
    args: &PlainArgs,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    match run_inner(shell, args, input, out, err) {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            EXIT_INPUT
        }
    }
}

fn run_inner(
    shell: &Shell,
    args: &PlainArgs,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, String> {
    let lang = &shell.lang;
    let content = shell.content(err)?;
    let quiz = match pick_quiz(&content, args.quiz.as_deref(), lang) {
        Ok(q) => q,
        Err(m) => {
            let _ = writeln!(err, "{m}");
            return Ok(EXIT_USAGE);
        }
    };
    if let Some(phase) = args.phase
        && !quiz.purpose.allows(phase)
    {
        let m = if quiz.purpose == Purpose::PrePost {
            tr(lang).quiz_pre_post_test
        } else {
            tr(lang).quiz_practice_use_phase
        };
        let _ = writeln!(err, "{m}");
        return Ok(EXIT_USAGE);
    }
    let store = shell.store()?;
    let profile = profile(&store, args, lang, input, out)?;
    let Some(profile) = profile else {
        return Ok(EXIT_INPUT);
    };
    let class_id = match &args.class {
        Some(name) => {
            let class = store
                .ensure_class(name)
                .map_err(|e| e.message().get(lang.code()).to_string())?;
            store
                .add_member(&class.id, &profile.id)
                .map_err(|e| e.message().get(lang.code()).to_string())?;
            Some(class.id)
        }
        None => None,
    };
    let se = |e: pijat_app::Error| e.message().get(lang.code()).to_string();
    let phase = match args.phase {
        Some(p) => p,
        None => default_phase(&store, &profile, quiz).map_err(se)?,
    };
    let start = QuizRun::start(
        &store,
        quiz,
        &StartArgs {
            profile: &profile,
            class_id: class_id.as_deref(),
            phase,
            no_shuffle: args.no_shuffle,
            mode: pijat_core::Mode::Plain,
            content_version: &content.version,
            seed: rand::random(),
        },
    )
    .map_err(se)?;
    let w = |out: &mut dyn Write, s: String| writeln!(out, "{s}").map_err(|e| e.to_string());
    let title = quiz.title.get(lang);
    let label = phase_label(phase, lang);
    let mut run = match start {
        Start::AlreadyTaken(a) => {
            let date = super::local_date(a.finished.as_deref().unwrap_or_default());
            let pct = pijat_app::progress::score_of(&a)
                .map_or(String::new(), |s| format!(" ({}%)", s.display_in(lang)));
            let (name, s) = (&profile.name, tr(lang));
            let m = pijat_core::fill!(
                cli,
                s,
                already_finished_taken_once,
                name = name,
                label = label,
                title = title,
                date = date,
                pct = pct
            );
            let _ = writeln!(err, "{m}");
            return Ok(EXIT_INPUT);
        }
        Start::Fresh(run) => {
            w(
                out,
                format!(
                    "{title} · {label} · {} · {} {}",
                    profile.name,
                    run.total(),
                    tr(lang).questions
                ),
            )?;
            w(out, tr(lang).each_answer_saved_soon.into())?;
            run
        }
        Start::Resumed(run) => {
            w(out, format!("{title} · {label} · {}", profile.name))?;
            w(
                out,
                pijat_core::fill!(
                    cli,
                    tr(lang),
                    continuing_unfinished_answered,
                    k = run.answered(),
                    n = run.total()
                ),
            )?;
            if let Some(c) = &run.change {
                w(out, c.message().get(lang.code()).to_string())?;
            }
            run
        }
    };
    let feedback = Feedback::for_quiz(quiz.purpose, phase);
    while let Some((position, shown)) = run.next() {
        let shown = shown.clone();
        let q = run.question(&shown);
        w(out, String::new())?;
        w(
            out,
            format!("[{}/{}] {}", position + 1, run.total(), q.prompt.get(lang)),
        )?;
        print_options(out, q.kind.options(), &shown, &q.kind, lang)?;
        w(out, keys_hint(&q.kind, shown.options.len(), lang))?;
        let response = loop {
            write!(out, "> ")
                .and_then(|_| out.flush())
                .map_err(|e| e.to_string())?;
            let Some(line) = read_line(input).map_err(|e| e.to_string())? else {
                let m = pijat_core::fill!(
                    cli,
                    tr(lang),
                    input_ended_answers_saved,
                    k = run.answered(),
                    n = run.total()
                );
                let _ = writeln!(err, "{m}");
                return Ok(EXIT_INPUT);
            };
            match parse_token(&q.kind, &shown, &line) {
                Ok(r) => break r,
                Err(e) => w(
                    out,
                    e.message(shown.options.len()).get(lang.code()).to_string(),
                )?,
            }
        };
        let recorded = run.record(&store, position, response).map_err(se)?;
        if !recorded.stored {
            w(out, tr(lang).question_was_already_answered.into())?;
        }
        if feedback == Feedback::EachQuestion {
            print_feedback(out, &run, &shown, lang)?;
        }
    }
    let score = run.finish(&store).map_err(se)?;
    w(out, String::new())?;
    w(out, score_line(score, lang))?;
    match feedback {
        Feedback::Never if phase == Phase::Pre => w(out, tr(lang).right_answers_not_shown.into())?,
        Feedback::Never => {
            for (m, sc) in run.by_module() {
                let name = content
                    .module(m)
                    .map_or(m.to_string(), |md| md.title.get(lang).to_string());
                w(out, format!("  {name}: {}/{}", sc.right, sc.total))?;
            }
            w(out, tr(lang).answers_their_explanations_gone.into())?
        }
        Feedback::AtEnd => {
            w(out, String::new())?;
            w(out, tr(lang).review.into())?;
            for (i, shown) in run.layout.shown.iter().enumerate() {
                w(
                    out,
                    format!("{}. {}", i + 1, run.question(shown).prompt.get(lang)),
                )?;
                print_feedback(out, &run, shown, lang)?;
            }
        }
        Feedback::EachQuestion => {
            let pass = score.passes(quiz.pass_percent);
            w(
                out,
                if pass {
                    pijat_core::fill!(cli, tr(lang), passed_at_least, p = quiz.pass_percent)
                } else {
                    pijat_core::fill!(cli, tr(lang), not_yet_read_again, p = quiz.pass_percent)
                },
            )?;
        }
    }
    if phase == Phase::Post {
        let pp = prepost(&store, &profile.id, &quiz.id).map_err(se)?;
        if let (Some(pre), Some(change)) = (pp.pre, pp.change()) {
            w(
                out,
                pijat_core::fill!(
                    cli,
                    tr(lang),
                    pre_to_post_points,
                    pre = pre.display_in(lang),
                    post = score.display_in(lang),
                    change = format_change_in(change, lang)
                ),
            )?;
        }
    }
    Ok(0)
}
