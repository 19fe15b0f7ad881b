//! The app's pages as plain data, and their URL fragments. Routes live in the fragment
//! (`#/assess/intake`), so any static host serves every page, under any path, without
//! rewrites, and the back button works. The shell's router is a few lines over this.

/// The questionnaire "domain" that holds the context questions (About the product).
pub const CONTEXT: &str = "context";

/// A page of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// Landing page.
    Home,
    /// The questionnaire, opened at its first domain.
    Assess,
    /// The questionnaire at one domain (or [`CONTEXT`]).
    AssessDomain {
        /// Domain id.
        domain: String,
    },
    /// Vendor profile and the list of assessments.
    Setup,
    /// Results of the open assessment.
    Results,
    /// Printable report of the open assessment.
    Report,
    /// The buyer's comparison of many vendors.
    Compare,
    /// Anything else.
    NotFound,
}

impl Route {
    /// The route of a URL fragment (`#/assess/intake`, `#/`, or empty).
    pub fn parse(fragment: &str) -> Route {
        let path = fragment.trim_start_matches('#');
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] => Route::Home,
            ["assess"] => Route::Assess,
            ["assess", domain] if is_segment(domain) => Route::AssessDomain {
                domain: (*domain).to_owned(),
            },
            ["setup"] => Route::Setup,
            ["results"] => Route::Results,
            ["report"] => Route::Report,
            ["compare"] => Route::Compare,
            _ => Route::NotFound,
        }
    }

    /// The URL fragment of the route, `#/…`.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Assess => "#/assess".into(),
            Route::AssessDomain { domain } => format!("#/assess/{domain}"),
            Route::Setup => "#/setup".into(),
            Route::Results => "#/results".into(),
            Route::Report => "#/report".into(),
            Route::Compare => "#/compare".into(),
            Route::NotFound => "#/404".into(),
        }
    }
}

/// The app's name, as the browser's tab and the start page show it.
pub const APP_NAME: &str = "Vendor Security Readiness";

impl Route {
    /// The page's name, its heading where the page has a fixed one.
    pub fn title(&self) -> &'static str {
        match self {
            Route::Home => APP_NAME,
            Route::Assess | Route::AssessDomain { .. } => "Questionnaire",
            Route::Setup => "Profile and assessments",
            Route::Results => "Results",
            Route::Report => "Report",
            Route::Compare => "Compare vendors",
            Route::NotFound => "Page not found",
        }
    }

    /// The document's title on this page, so a tab, the history list and a screen
    /// reader name the page: `Results — Vendor Security Readiness`, after `site`, the
    /// title `index.html` gave the page (an operator may have named it otherwise).
    pub fn document_title(&self, site: &str) -> String {
        match self {
            Route::Home => site.to_owned(),
            page => format!("{} — {site}", page.title()),
        }
    }
}

fn is_segment(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_round_trip() {
        let routes = [
            Route::Home,
            Route::Assess,
            Route::AssessDomain {
                domain: "supply_chain".into(),
            },
            Route::AssessDomain {
                domain: CONTEXT.into(),
            },
            Route::Setup,
            Route::Results,
            Route::Report,
            Route::Compare,
        ];
        for r in routes {
            assert_eq!(Route::parse(&r.href()), r, "{}", r.href());
        }
    }

    #[test]
    fn every_page_but_the_start_names_itself_before_the_app() {
        assert_eq!(Route::Home.document_title(APP_NAME), APP_NAME);
        assert_eq!(
            Route::Results.document_title("Readiness (intranet)"),
            "Results — Readiness (intranet)"
        );
        let domain = Route::AssessDomain {
            domain: "intake".into(),
        };
        assert_eq!(domain.title(), Route::Assess.title());
        assert_eq!(Route::Compare.title(), "Compare vendors");
    }

    #[test]
    fn odd_fragments_are_understood_or_not_found() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/assess/"), Route::Assess);
        assert_eq!(Route::parse("#/compare?x=1"), Route::Compare);
        assert_eq!(Route::parse("#/assess/<script>"), Route::NotFound);
        assert_eq!(Route::parse("#/assess/intake/extra"), Route::NotFound);
        assert_eq!(Route::parse("#/nope"), Route::NotFound);
    }
}
