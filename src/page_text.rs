//! Every word of the page around the directory, in one place. The build renders it into
//! `index.html` (see `static_page`), so editors change the page text here and nowhere else.

/// The page's text content.
pub struct PageText {
    /// Language of this text (BCP 47).
    pub lang: &'static str,
    /// The document title shown in the browser tab and search results.
    pub title: &'static str,
    /// The meta description for search engines and link previews.
    pub description: &'static str,
    /// The organisation, shown in the header and footer.
    pub organisation: &'static str,
    pub heading: &'static str,
    /// The opening paragraph, set larger than the rest.
    pub lede: &'static str,
    pub paragraphs: &'static [&'static str],
    pub quote: Quote,
    /// Heading of the section that holds the directory.
    pub members_heading: &'static str,
}

/// A quotation and who said it.
pub struct Quote {
    pub text: &'static str,
    pub speaker: &'static str,
    pub role: &'static str,
}

/// The English page, as published by the alliance.
pub const ENGLISH: PageText = PageText {
    lang: "en",
    title: "Governments taking a global stand | WeProtect Global Alliance",
    description: "The member governments of WeProtect Global Alliance work together on the laws \
        and law enforcement that protect children online. Browse all member governments by region.",
    organisation: "WeProtect Global Alliance",
    heading: "Governments taking a global stand",
    lede: "With over 100 member governments, WeProtect Global Alliance is a truly global force, \
        leading the way in creating and enforcing the laws needed to protect children online. \
        Governments play a critical role in establishing the legal frameworks and empowering \
        national law enforcement agencies to investigate and respond to these crimes. However, \
        the growing scale of online abuse requires a globally aligned regulatory approach to \
        amplify impact across borders.",
    paragraphs: &[
        "In recent years, we’ve seen a worldwide shift from minimal self-regulation to robust \
         legislative action to tackle online child exploitation and abuse. As more nations enact \
         new online safety laws, it’s crucial that these laws are harmonized to ensure cohesive \
         global standards. The Alliance works closely with governments to support coordinated \
         approaches, facilitate knowledge sharing, and foster collaboration, ensuring that our \
         collective actions are powerful and unified.",
        "Our Model National Response serves as a comprehensive framework, enabling governments to \
         assess and strengthen their strategies for online child protection. To further drive \
         global cooperation, we launched the Global Taskforce on child sexual abuse online in \
         2022. Chaired by the European Union and vice-chaired by the African Union, this taskforce \
         brings together over 20 government representatives from around the world to meet twice a \
         year and advance collaborative solutions, ensuring there are no safe havens for child \
         exploitation anywhere in the digital landscape.",
        "By joining WeProtect Global Alliance, governments are part of a high-impact network \
         dedicated to a safe and secure digital world for all children. Together, we are setting \
         the global standards and driving the actions that will shape a safer future.",
    ],
    quote: Quote {
        text: "We are witnessing today a serious problem at a very critical time. Given the \
               transnational nature of online child sexual abuse offences, addressing this issue \
               requires a holistic approach and commitment from all stakeholders to keep children \
               safe. We therefore all have a role to play to addressing this scourge and we can \
               only succeed if we all work together.",
        speaker: "Mama Fatima Singhateh",
        role: "UN Special Rapporteur on the Sale and Sexual Exploitation of Children",
    },
    members_heading: "Our government members",
};

/// An official translation of the page text, supplied by the alliance as
/// `locales/page-text.<lang>.json` and carried in that language's generated file. Without one,
/// the page keeps the English text (marked `lang="en"`) in every language.
#[derive(Clone, Debug, PartialEq)]
pub struct TranslatedPageText {
    /// The document title; the English one stays when absent.
    pub title: Option<String>,
    pub heading: String,
    pub lede: String,
    pub paragraphs: Vec<String>,
    pub quote: TranslatedQuote,
}

/// The quotation in translation; the speaker's name is usually unchanged.
#[derive(Clone, Debug, PartialEq)]
pub struct TranslatedQuote {
    pub text: String,
    pub speaker: String,
    pub role: String,
}
