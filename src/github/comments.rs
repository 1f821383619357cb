//! Pull-request comments: list (keeping only the ones a caller recognises), create, edit,
//! delete, and minimise as outdated, through the same rate-limit-aware request helper as the
//! scans, so a sticky comment survives GitHub's limits and never leaks the token.

use serde::Deserialize;
use serde_json::json;

use super::http::Method;
use super::*;

/// One issue or pull-request comment, as much of it as a sticky comment needs.
#[derive(Debug, Clone)]
pub struct IssueComment {
    pub id: u64,
    /// The GraphQL ID, for `minimizeComment`.
    pub node_id: String,
    pub body: String,
    pub html_url: String,
    pub author: Option<String>,
}

#[derive(Deserialize)]
struct CommentJson {
    id: u64,
    #[serde(default)]
    node_id: String,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    html_url: String,
    #[serde(default)]
    user: Option<OwnerJson>,
}

impl From<CommentJson> for IssueComment {
    fn from(c: CommentJson) -> IssueComment {
        IssueComment {
            id: c.id,
            node_id: c.node_id,
            body: c.body.unwrap_or_default(),
            html_url: c.html_url,
            author: c.user.map(|u| u.login),
        }
    }
}

#[derive(Deserialize)]
struct GraphqlAnswer {
    #[serde(default)]
    errors: Vec<GraphqlErrorJson>,
}

#[derive(Deserialize)]
struct GraphqlErrorJson {
    #[serde(default)]
    message: String,
}

impl GitHub {
    /// The comments of pull request (or issue) `number` whose body `wanted` accepts, oldest
    /// first, every page read; the others are dropped page by page.
    pub async fn find_comments(
        &self,
        owner: &str,
        repo: &str,
        number: u64,
        wanted: impl Fn(&str) -> bool,
    ) -> Result<Vec<IssueComment>, GitHubError> {
        let what = format!("the comments of `{owner}/{repo}#{number}`");
        let route = format!(
            "/repos/{}/{}/issues/{number}/comments?per_page=100",
            seg(owner),
            seg(repo)
        );
        let mut found = Vec::new();
        let result = self
            .each_page(&route, &what, |page: Vec<CommentJson>| {
                found.extend(
                    page.into_iter()
                        .filter(|c| c.body.as_deref().is_some_and(&wanted))
                        .map(IssueComment::from),
                )
            })
            .await;
        result.map_err(|e| self.redact(e))?;
        Ok(found)
    }

    pub async fn create_comment(
        &self,
        owner: &str,
        repo: &str,
        number: u64,
        body: &str,
    ) -> Result<IssueComment, GitHubError> {
        let what = format!("a new comment on `{owner}/{repo}#{number}`");
        let route = format!(
            "/repos/{}/{}/issues/{number}/comments",
            seg(owner),
            seg(repo)
        );
        self.write_comment(Method::Post, &route, body, &what).await
    }

    pub async fn update_comment(
        &self,
        owner: &str,
        repo: &str,
        id: u64,
        body: &str,
    ) -> Result<IssueComment, GitHubError> {
        let what = format!("comment {id} of `{owner}/{repo}`");
        let route = format!("/repos/{}/{}/issues/comments/{id}", seg(owner), seg(repo));
        self.write_comment(Method::Patch, &route, body, &what).await
    }

    pub async fn delete_comment(
        &self,
        owner: &str,
        repo: &str,
        id: u64,
    ) -> Result<(), GitHubError> {
        let what = format!("comment {id} of `{owner}/{repo}`");
        let route = format!("/repos/{}/{}/issues/comments/{id}", seg(owner), seg(repo));
        let result = self.send(Method::Delete, &route, None, &what).await;
        result.map(|_| ()).map_err(|e| self.redact(e))
    }

    /// Folds a comment away as outdated (GraphQL `minimizeComment`; REST has no such call).
    pub async fn minimize_comment(&self, node_id: &str) -> Result<(), GitHubError> {
        let what = "minimising an outdated comment".to_string();
        let query = json!({
            "query": "mutation($id: ID!) { minimizeComment(input: {subjectId: $id, classifier: OUTDATED}) { minimizedComment { isMinimized } } }",
            "variables": { "id": node_id },
        });
        let result = async {
            let client = self.graphql_client().await?;
            let answer = self
                .send_on(client, Method::Post, "/graphql", Some(&query), &what)
                .await?;
            // GraphQL reports failures with 200 and an `errors` list.
            let parsed: GraphqlAnswer = decode(&answer.body, &what)?;
            match parsed.errors.first() {
                None => Ok(()),
                Some(e) => Err(GitHubError::Other {
                    what: what.clone(),
                    detail: e.message.clone(),
                }),
            }
        }
        .await;
        result.map_err(|e| self.redact(e))
    }

    async fn write_comment(
        &self,
        method: Method,
        route: &str,
        body: &str,
        what: &str,
    ) -> Result<IssueComment, GitHubError> {
        let payload = json!({ "body": body });
        let result = async {
            let answer = self.send(method, route, Some(&payload), what).await?;
            let c: CommentJson = decode(&answer.body, what)?;
            Ok(IssueComment::from(c))
        }
        .await;
        result.map_err(|e| self.redact(e))
    }
}
