//! Yew components, one per file. They render state and turn events into core calls.

mod answer_control;
mod assess_page;
mod domain_nav;
mod domain_result;
mod download_bar;
mod home_page;
mod question_card;
mod score_panel;
mod top_nav;

pub use answer_control::{AnswerControl, AnswerControlProps};
pub use assess_page::{AssessPage, AssessPageProps};
pub use domain_nav::{DomainNav, DomainNavProps};
pub use domain_result::{DomainResult, DomainResultProps};
pub use download_bar::DownloadBar;
pub use home_page::HomePage;
pub use question_card::{QuestionCard, QuestionCardProps};
pub use score_panel::{ScorePanel, ScorePanelProps};
pub use top_nav::TopNav;
