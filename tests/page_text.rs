//! The page text module holds the alliance's published text word for word.

use member_directory::page_text::ENGLISH;

const SEED: &str = include_str!("fixtures/governments-page.txt");

#[test]
fn every_line_of_the_published_page_is_in_the_page_text() {
    let lines: Vec<&str> = SEED
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let attribution = format!("{}, {}", ENGLISH.quote.speaker, ENGLISH.quote.role);
    let mut ours = vec![ENGLISH.heading, ENGLISH.lede];
    ours.extend(ENGLISH.paragraphs);
    ours.push(ENGLISH.quote.text);
    ours.push(&attribution);
    ours.push(ENGLISH.members_heading);
    // The last line of the seed is the member list, which lives in members.json.
    assert_eq!(&lines[..lines.len() - 1], &ours[..]);
}
