//! The interoperable export formats ([`Interop`]) and the choice between them: which
//! document an [`ExportInput`] becomes and what its file is named. The formats'
//! builders ([`super::cyclonedx`], [`super::oscal`]) use what [`super::interop`] shares;
//! this module sits above all three, so none of them depends back on the choice.

use serde::Serialize;
use time::OffsetDateTime;

use super::interop::ExportInput;
use crate::core::questionnaire::Questionnaire;

/// The interoperable formats a score or answers file is exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Interop {
    /// A CycloneDX 1.6 BOM holding the attestation (CDXA).
    Cyclonedx,
    /// OSCAL 1.1.3 assessment results.
    Oscal,
}

impl Interop {
    /// The export document.
    pub fn document(
        self,
        q: &Questionnaire,
        input: &ExportInput,
        now: OffsetDateTime,
    ) -> serde_json::Value {
        match self {
            Interop::Cyclonedx => super::cyclonedx::cdxa(q, input, now),
            Interop::Oscal => super::oscal::assessment_results(q, input, now),
        }
    }

    /// `<stem>.<suffix>.json`: what the file name says it holds.
    pub fn suffix(self) -> &'static str {
        match self {
            Interop::Cyclonedx => "cdxa",
            Interop::Oscal => "oscal-ar",
        }
    }
}
