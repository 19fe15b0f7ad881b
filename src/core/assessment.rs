//! One vendor's assessment (profile and answers) and the events that change it.
//!
//! The web shell keeps an [`Assessment`] in its state and turns every user action into
//! one [`Edit`] applied by [`Assessment::apply`], so all behaviour is testable natively.

use serde::{Deserialize, Serialize};

use crate::core::answers::{AnswerValue, Answers, Evidence};

/// Who is assessed, and by whom.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct VendorProfile {
    /// Organisation (vendor) name.
    pub organisation: String,
    /// Product(s) in scope.
    pub products: String,
    /// Versions in scope.
    pub versions: String,
    /// Security contact (email or URL).
    pub security_contact: String,
    /// Vulnerability disclosure policy URL.
    pub vdp_url: String,
    /// security.txt URL.
    pub security_txt_url: String,
    /// Who filled the assessment in.
    pub assessor: String,
    /// Date of the assessment (YYYY-MM-DD).
    pub assessment_date: String,
}

/// The fields of a [`VendorProfile`], for generic forms and edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileField {
    /// See [`VendorProfile::organisation`].
    Organisation,
    /// See [`VendorProfile::products`].
    Products,
    /// See [`VendorProfile::versions`].
    Versions,
    /// See [`VendorProfile::security_contact`].
    SecurityContact,
    /// See [`VendorProfile::vdp_url`].
    VdpUrl,
    /// See [`VendorProfile::security_txt_url`].
    SecurityTxtUrl,
    /// See [`VendorProfile::assessor`].
    Assessor,
    /// See [`VendorProfile::assessment_date`].
    AssessmentDate,
}

impl ProfileField {
    /// Every field, in form order.
    pub const ALL: [ProfileField; 8] = [
        ProfileField::Organisation,
        ProfileField::Products,
        ProfileField::Versions,
        ProfileField::SecurityContact,
        ProfileField::VdpUrl,
        ProfileField::SecurityTxtUrl,
        ProfileField::Assessor,
        ProfileField::AssessmentDate,
    ];

    /// The label shown next to the field.
    pub fn label(self) -> &'static str {
        match self {
            ProfileField::Organisation => "Organisation",
            ProfileField::Products => "Product(s) in scope",
            ProfileField::Versions => "Versions in scope",
            ProfileField::SecurityContact => "Security contact (email or URL)",
            ProfileField::VdpUrl => "Vulnerability disclosure policy URL",
            ProfileField::SecurityTxtUrl => "security.txt URL",
            ProfileField::Assessor => "Assessor name",
            ProfileField::AssessmentDate => "Assessment date",
        }
    }
}

impl VendorProfile {
    /// A field's value.
    pub fn get(&self, field: ProfileField) -> &str {
        match field {
            ProfileField::Organisation => &self.organisation,
            ProfileField::Products => &self.products,
            ProfileField::Versions => &self.versions,
            ProfileField::SecurityContact => &self.security_contact,
            ProfileField::VdpUrl => &self.vdp_url,
            ProfileField::SecurityTxtUrl => &self.security_txt_url,
            ProfileField::Assessor => &self.assessor,
            ProfileField::AssessmentDate => &self.assessment_date,
        }
    }

    fn get_mut(&mut self, field: ProfileField) -> &mut String {
        match field {
            ProfileField::Organisation => &mut self.organisation,
            ProfileField::Products => &mut self.products,
            ProfileField::Versions => &mut self.versions,
            ProfileField::SecurityContact => &mut self.security_contact,
            ProfileField::VdpUrl => &mut self.vdp_url,
            ProfileField::SecurityTxtUrl => &mut self.security_txt_url,
            ProfileField::Assessor => &mut self.assessor,
            ProfileField::AssessmentDate => &mut self.assessment_date,
        }
    }

    /// Every string in the profile with its field name, for text safety checks.
    pub fn fields(&self) -> impl Iterator<Item = (ProfileField, &str)> {
        ProfileField::ALL.into_iter().map(|f| (f, self.get(f)))
    }
}

/// A vendor's assessment: profile and answers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// Who is assessed.
    #[serde(default)]
    pub profile: VendorProfile,
    /// The answers.
    #[serde(default)]
    pub answers: Answers,
}

/// One change a user makes.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Set or clear an answer.
    Answer(String, Option<AnswerValue>),
    /// Replace the notes of a question.
    Notes(String, String),
    /// Add evidence to a question.
    AddEvidence(String, Evidence),
    /// Remove the n-th evidence of a question.
    RemoveEvidence(String, usize),
    /// Set a profile field.
    Profile(ProfileField, String),
}

impl Edit {
    /// The question an edit is about, if any.
    pub fn question(&self) -> Option<&str> {
        match self {
            Edit::Answer(id, _)
            | Edit::Notes(id, _)
            | Edit::AddEvidence(id, _)
            | Edit::RemoveEvidence(id, _) => Some(id),
            Edit::Profile(..) => None,
        }
    }
}

impl Assessment {
    /// Applies one edit. Answers of questions that become hidden are kept, so they come
    /// back if the question does.
    pub fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::Answer(id, value) => self.answers.set_value(&id, value),
            Edit::Notes(id, notes) => {
                self.answers.entry_mut(&id).notes = notes;
                self.answers.prune();
            }
            Edit::AddEvidence(id, ev) => self.answers.entry_mut(&id).evidence.push(ev),
            Edit::RemoveEvidence(id, index) => {
                let entry = self.answers.entry_mut(&id);
                if index < entry.evidence.len() {
                    entry.evidence.remove(index);
                }
                self.answers.prune();
            }
            Edit::Profile(field, value) => *self.profile.get_mut(field) = value,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_keep_notes_when_answer_cleared_and_prune_empty_entries() {
        let mut a = Assessment::default();
        a.apply(Edit::Answer(
            "x.a".into(),
            Some(AnswerValue::Choice("yes".into())),
        ));
        a.apply(Edit::Notes("x.a".into(), "see policy".into()));
        a.apply(Edit::Answer("x.a".into(), None));
        assert_eq!(a.answers.0["x.a"].notes, "see policy");
        a.apply(Edit::Notes("x.a".into(), String::new()));
        assert!(a.answers.0.is_empty());
        a.apply(Edit::Profile(ProfileField::Organisation, "Acme".into()));
        assert_eq!(a.profile.get(ProfileField::Organisation), "Acme");
        a.apply(Edit::AddEvidence(
            "x.b".into(),
            Evidence {
                label: "VDP".into(),
                url: Some("https://acme.example/vdp".into()),
                file: None,
            },
        ));
        a.apply(Edit::RemoveEvidence("x.b".into(), 5));
        assert_eq!(a.answers.0["x.b"].evidence.len(), 1);
        a.apply(Edit::RemoveEvidence("x.b".into(), 0));
        assert!(a.answers.0.is_empty());
    }
}
