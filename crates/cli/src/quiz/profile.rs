//! Who is taking the quiz: the profile named or asked for, and the trainee's code.

use super::*;
use pijat_core::strings::cli::tr;

/// The profile named by `--profile`, or asked for on the first input line; created when new.
pub(super) fn profile(
    store: &Records,
    args: &PlainArgs,
    lang: &Lang,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<Option<Profile>, String> {
    let se = |e: pijat_app::Error| e.message().get(lang.code()).to_string();
    let name = match &args.profile {
        Some(n) => n.clone(),
        None => loop {
            write!(out, "{} ", tr(lang).name)
                .and_then(|_| out.flush())
                .map_err(|e| e.to_string())?;
            let Some(line) = read_line(input).map_err(|e| e.to_string())? else {
                return Ok(None);
            };
            match clean_name(&line) {
                Ok(n) => break n,
                Err(e) => {
                    writeln!(out, "{}", e.message().get(lang.code())).map_err(|e| e.to_string())?
                }
            }
        },
    };
    let name = clean_name(&name).map_err(|e| e.message().get(lang.code()).to_string())?;
    let p = match store.profile_by_name(&name).map_err(se)? {
        Some(p) => p,
        None => store
            .create_profile(&name, args.role.unwrap_or(Role::Other))
            .map_err(se)?,
    };
    // On a shared laptop a trainee's tests open with his personal code, here as in the app.
    if store.codes_required().map_err(se)? && store.has_code(&p.id).map_err(se)? {
        write!(
            out,
            "{} ",
            pijat_core::fill!(cli, tr(lang), personal_code_of, name = p.name)
        )
        .and_then(|_| out.flush())
        .map_err(|e| e.to_string())?;
        let Some(code) = read_line(input).map_err(|e| e.to_string())? else {
            return Ok(None);
        };
        match store.check_code(&p.id, code.trim()).map_err(se)? {
            pijat_app::PinCheck::Right => {}
            pijat_app::PinCheck::Wrong { .. } => {
                return Err(tr(lang).wrong_code_test_was.into());
            }
            pijat_app::PinCheck::Wait { seconds } => {
                return Err(pijat_core::fill!(
                    cli,
                    pijat_core::strings::cli::tr(lang),
                    wait_seconds_too_many,
                    seconds = seconds
                ));
            }
        }
    }
    store.touch_profile(&p.id).map_err(se)?;
    Ok(Some(p))
}
