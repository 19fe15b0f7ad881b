//! The page's parts, one per file. They render state and turn events into core calls.
//!
//! A part with state of its own (hooks), or that keeps a re-render from spreading (a
//! question card, the score panel, the open-item list: their props are compared), is a
//! component; a part without either is a view function (`fn domain_nav(app, current) ->
//! Html`), called where it is shown. Each function component instantiates Yew's
//! lifecycle code for its own type, about 0.7 KB of the page's gzip (docs/performance.md).

mod answer_control;
mod assess_toolbar;
mod assessment_list;
mod buyer_host;
mod buyer_profile_editor;
mod committed_input;
mod compact_domain_nav;
mod context_card;
mod domain_nav;
mod domain_pager;
mod domain_result;
mod download_bar;
mod evidence_check;
mod evidence_editor;
mod evidence_item;
mod evidence_result;
mod file_export;
mod import_button;
mod interop_exports;
mod next_unanswered;
mod open_item_list;
mod open_items;
mod profile_form;
mod progress_view;
mod question_card;
mod question_link;
mod radar_chart;
mod reference_item;
mod resume_link;
mod score_panel;
mod signing_panel;
mod top_nav;
mod update_banner;
mod vendor_detail;
mod vendor_page_host;
mod vendor_row;
mod vendor_table;

pub use answer_control::{AnswerControl, AnswerControlProps};
pub use assess_toolbar::assess_toolbar;
pub use assessment_list::AssessmentList;
pub use buyer_host::{BuyerHost, BuyerHostProps};
pub use buyer_profile_editor::BuyerProfileEditor;
pub use committed_input::{CommittedInput, CommittedInputProps};
pub use compact_domain_nav::compact_domain_nav;
pub use context_card::context_card;
pub use domain_nav::domain_nav;
pub use domain_pager::domain_pager;
pub use domain_result::{domain_result, Detail};
pub use download_bar::DownloadBar;
pub use evidence_check::{EvidenceCheckPanel, EvidenceCheckPanelProps};
pub use evidence_editor::{EvidenceEditor, EvidenceEditorProps};
pub use evidence_item::evidence_item;
pub use evidence_result::{EvidenceResult, EvidenceResultProps};
pub use file_export::{FileExport, FileExportProps};
pub use import_button::ImportButton;
pub use interop_exports::InteropExports;
pub use next_unanswered::{NextUnanswered, NextUnansweredProps};
pub use open_item_list::{OpenItemList, OpenItemListProps};
pub use open_items::{OpenItems, OpenItemsProps};
pub use profile_form::profile_form;
pub use progress_view::{ProgressView, ProgressViewProps};
pub use question_card::{QuestionCard, QuestionCardProps};
pub use question_link::question_link;
pub use radar_chart::{radar_chart, RadarSeries};
pub use reference_item::reference_item;
pub use resume_link::resume_link;
pub use score_panel::{ScorePanel, ScorePanelProps};
pub use signing_panel::{SigningPanel, SigningPanelProps};
pub use top_nav::top_nav;
pub use update_banner::UpdateBanner;
pub use vendor_detail::VendorDetail;
pub use vendor_page_host::{VendorPageHost, VendorPageHostProps};
pub use vendor_row::{VendorRowView, VendorRowViewProps};
pub use vendor_table::VendorTable;
