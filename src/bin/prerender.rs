//! Build step (a Trunk post-build hook): writes the page text and the member list into the
//! built HTML files, so the page is complete before WebAssembly arrives.
//!
//! Usage: prerender <members.json> <html file>...

use std::{env, fs, process::ExitCode};

use member_directory::{directory::Directory, messages, page_text, static_page};

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let Some((data_path, html_paths)) = args.split_first() else {
        eprintln!("usage: prerender <members.json> <html file>...");
        return ExitCode::FAILURE;
    };
    match run(data_path, html_paths) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(data_path: &str, html_paths: &[String]) -> Result<(), String> {
    let body = fs::read_to_string(data_path).map_err(|e| format!("{data_path}: {e}"))?;
    let directory = Directory::parse(&body).map_err(|e| format!("{data_path}: {e}"))?;
    if directory.skipped() > 0 {
        return Err(format!(
            "{data_path}: {} invalid entries",
            directory.skipped()
        ));
    }
    for path in html_paths {
        let template = fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        let html = static_page::render(
            &template,
            &page_text::ENGLISH,
            &messages::ENGLISH,
            &directory,
        )
        .map_err(|e| format!("{path}: {e}"))?;
        fs::write(path, html).map_err(|e| format!("{path}: {e}"))?;
    }
    Ok(())
}
