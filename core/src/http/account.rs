//! The Dintero account, the API client's credentials and the token request.

use std::fmt;
use std::str::FromStr;

use ::http::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use ::http::{HeaderValue, Method, Request, Uri};

use super::{REDACTED, base64, header_value};

/// Test or production: the first letter of the account id. Both use the same hosts.
///
/// ```
/// use dintero_order_core::http::{Account, Environment};
///
/// let account: Account = "P00000000".parse()?;
/// assert_eq!(account.environment(), Environment::Production);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Environment {
    /// `T…`: test data.
    Test,
    /// `P…`: production data.
    Production,
}

/// A Dintero account id: `T` (test) or `P` (production) and 8 digits, as in `T11223344`.
///
/// ```
/// use dintero_order_core::http::Account;
///
/// let account: Account = "T11223344".parse()?;
/// assert_eq!(account.id(), "T11223344");
/// assert_eq!(account.to_string(), "T11223344");
/// assert!("X11223344".parse::<Account>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Account {
    id: String,
    token_uri: Uri,
}

/// Why a text is not an [`Account`] id.
///
/// ```
/// use dintero_order_core::http::{Account, AccountError};
///
/// assert!(matches!("Q11223344".parse::<Account>(), Err(AccountError::Environment(_))));
/// assert!(matches!("T1122".parse::<Account>(), Err(AccountError::Digits(_))));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AccountError {
    /// The id does not start with `T` (test) or `P` (production); holds the id.
    Environment(String),
    /// The letter is not followed by exactly 8 ASCII digits; holds the id.
    Digits(String),
}

impl fmt::Display for AccountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Environment(id) => write!(
                f,
                "account id {id:?} does not start with T (test) or P (production)"
            ),
            Self::Digits(id) => write!(
                f,
                "account id {id:?}: expected T or P followed by exactly 8 digits"
            ),
        }
    }
}

impl std::error::Error for AccountError {}

impl FromStr for Account {
    type Err = AccountError;

    fn from_str(id: &str) -> Result<Self, Self::Err> {
        let digits = id
            .strip_prefix('T')
            .or_else(|| id.strip_prefix('P'))
            .ok_or_else(|| AccountError::Environment(id.to_owned()))?;
        if digits.len() != 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(AccountError::Digits(id.to_owned()));
        }
        let token_uri = Uri::try_from(format!(
            "https://api.dintero.com/v1/accounts/{id}/auth/token"
        ))
        .map_err(|_| AccountError::Digits(id.to_owned()))?;
        Ok(Self {
            id: id.to_owned(),
            token_uri,
        })
    }
}

impl fmt::Display for Account {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.id)
    }
}

impl Account {
    /// The id with its environment letter, as in `T11223344`.
    ///
    /// ```
    /// let account: dintero_order_core::http::Account = "T11223344".parse()?;
    /// assert_eq!(account.id(), "T11223344");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Test (`T…`) or production (`P…`).
    ///
    /// ```
    /// use dintero_order_core::http::{Account, Environment};
    ///
    /// let account: Account = "T11223344".parse()?;
    /// assert_eq!(account.environment(), Environment::Test);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn environment(&self) -> Environment {
        if self.id.starts_with('P') {
            Environment::Production
        } else {
            Environment::Test
        }
    }

    /// The audience of this account's access tokens:
    /// `https://api.dintero.com/v1/accounts/{id}`.
    ///
    /// ```
    /// let account: dintero_order_core::http::Account = "P00000000".parse()?;
    /// assert_eq!(account.audience(), "https://api.dintero.com/v1/accounts/P00000000");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn audience(&self) -> String {
        format!("https://api.dintero.com/v1/accounts/{}", self.id)
    }

    /// The access-token request: `POST https://api.dintero.com/v1/accounts/{id}/auth/token`
    /// with HTTP Basic `client_id:client_secret` and the JSON body
    /// `{"grant_type":"client_credentials","audience":"https://api.dintero.com/v1/accounts/{id}"}`.
    /// Read the answer with [`AccessToken::from_response`](super::AccessToken::from_response).
    ///
    /// ```
    /// use dintero_order_core::http::{Account, ClientCredentials};
    ///
    /// let account: Account = "T11223344".parse()?;
    /// let request = account.token_request(&ClientCredentials::new("id", "secret"));
    /// assert_eq!(request.method(), "POST");
    /// assert_eq!(request.headers()["authorization"], "Basic aWQ6c2VjcmV0");
    /// assert_eq!(
    ///     request.body(),
    ///     br#"{"grant_type":"client_credentials","audience":"https://api.dintero.com/v1/accounts/T11223344"}"#
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn token_request(&self, credentials: &ClientCredentials) -> Request<Vec<u8>> {
        let body = format!(
            r#"{{"grant_type":"client_credentials","audience":"{}"}}"#,
            self.audience()
        );
        let mut request = Request::new(body.into_bytes());
        *request.method_mut() = Method::POST;
        *request.uri_mut() = self.token_uri.clone();
        let basic = format!("{}:{}", credentials.id, credentials.secret);
        let headers = request.headers_mut();
        headers.insert(
            AUTHORIZATION,
            header_value(&format!("Basic {}", base64(basic.as_bytes()))),
        );
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        request
    }
}

/// An API client's id and secret, for [`Account::token_request`]. `Debug` shows the id and
/// hides the secret.
///
/// ```
/// use dintero_order_core::http::ClientCredentials;
///
/// let credentials = ClientCredentials::new("client-id", "client-secret");
/// assert_eq!(credentials.id(), "client-id");
/// assert!(!format!("{credentials:?}").contains("client-secret"));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct ClientCredentials {
    id: String,
    secret: String,
}

impl ClientCredentials {
    /// The client id and client secret Dintero's backoffice gave you.
    ///
    /// ```
    /// let credentials = dintero_order_core::http::ClientCredentials::new("id", "secret");
    /// assert_eq!(credentials.id(), "id");
    /// ```
    pub fn new(id: impl Into<String>, secret: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            secret: secret.into(),
        }
    }

    /// The client id (not a secret).
    ///
    /// ```
    /// let credentials = dintero_order_core::http::ClientCredentials::new("id", "secret");
    /// assert_eq!(credentials.id(), "id");
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }
}

impl fmt::Debug for ClientCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientCredentials")
            .field("id", &self.id)
            .field("secret", &REDACTED)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_ids() {
        for bad in [
            "",
            "T",
            "T1234567",
            "T123456789",
            "t11223344",
            "T1122334a",
            "T１1223344",
        ] {
            assert!(bad.parse::<Account>().is_err(), "{bad}");
        }
        assert_eq!(
            "X11223344".parse::<Account>(),
            Err(AccountError::Environment("X11223344".into()))
        );
        assert_eq!(
            "P123".parse::<Account>().map_err(|e| e.to_string()),
            Err(r#"account id "P123": expected T or P followed by exactly 8 digits"#.into())
        );
    }

    #[test]
    fn debug_hides_the_secret() {
        let credentials = ClientCredentials::new("client-id", "s3cr3t");
        assert_eq!(
            format!("{credentials:?}"),
            r#"ClientCredentials { id: "client-id", secret: "<redacted>" }"#
        );
    }
}
