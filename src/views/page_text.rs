use leptos::prelude::*;

/// The introduction and the pull quote: the English text at build time, an official
/// translation in the browser when the alliance supplies one.
#[component]
pub fn PageTextView(
    heading: String,
    lede: String,
    paragraphs: Vec<String>,
    quote: String,
    speaker: String,
    role: String,
) -> impl IntoView {
    let paragraphs = paragraphs
        .into_iter()
        .map(|text| view! { <p>{text}</p> })
        .collect_view();
    view! {
        <div class="hero">
            <div class="wrap">
                <h1>{heading}</h1>
                <p class="lede">{lede}</p>
            </div>
        </div>
        <div class="wrap prose">
            {paragraphs}
            <figure class="pull-quote">
                <blockquote><p>{quote}</p></blockquote>
                <figcaption>
                    <span class="pull-quote__speaker">{speaker}</span>
                    ", "
                    <span class="pull-quote__role">{role}</span>
                </figcaption>
            </figure>
        </div>
    }
}
