//! One file per page (route): a component where the page keeps hooks of its own (the
//! questionnaire, the compare page), otherwise a view function over the vendor's state.

mod assess_page;
pub mod compare_page;
mod home_page;
mod report_page;
mod results_page;
mod vendor_page;

pub use assess_page::{AssessPage, AssessPageProps};
pub use compare_page::ComparePage;
pub use home_page::home_page;
pub use report_page::report_page;
pub use results_page::results_page;
pub use vendor_page::{VendorPage, VendorPageProps};
