//! One component per page (route).

mod assess_page;
pub mod compare_page;
mod home_page;
mod report_page;
mod results_page;

pub use assess_page::{AssessPage, AssessPageProps};
pub use compare_page::ComparePage;
pub use home_page::HomePage;
pub use report_page::ReportPage;
pub use results_page::ResultsPage;
