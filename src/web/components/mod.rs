//! Yew components, one per file. They render state and turn events into core calls.

mod answer_control;
mod assessment_list;
mod buyer_profile_editor;
mod context_card;
mod domain_nav;
mod domain_result;
mod download_bar;
mod evidence_editor;
mod import_button;
mod profile_form;
mod question_card;
mod radar_chart;
mod reference_item;
mod score_panel;
mod signing_panel;
mod top_nav;
mod vendor_detail;
mod vendor_table;

pub use answer_control::{AnswerControl, AnswerControlProps};
pub use assessment_list::AssessmentList;
pub use buyer_profile_editor::BuyerProfileEditor;
pub use context_card::{ContextCard, ContextCardProps};
pub use domain_nav::{DomainNav, DomainNavProps};
pub use domain_result::{DomainResult, DomainResultProps};
pub use download_bar::DownloadBar;
pub use evidence_editor::{EvidenceEditor, EvidenceEditorProps};
pub use import_button::ImportButton;
pub use profile_form::ProfileForm;
pub use question_card::{QuestionCard, QuestionCardProps};
pub use radar_chart::{RadarChart, RadarChartProps, RadarSeries};
pub use reference_item::{ReferenceItem, ReferenceItemProps};
pub use score_panel::{ScorePanel, ScorePanelProps};
pub use signing_panel::{SigningPanel, SigningPanelProps};
pub use top_nav::TopNav;
pub use vendor_detail::VendorDetail;
pub use vendor_table::VendorTable;
