//! Short-lived HS256 access tokens. Only HS256 with our issuer and audience
//! is accepted; `none` and every other algorithm fail.

use chrono::{DateTime, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, errors::ErrorKind};
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub iss: String,
    pub aud: String,
    pub iat: i64,
    pub exp: i64,
    pub roles: Vec<String>,
}

pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    issuer: String,
    audience: String,
    ttl_seconds: i64,
}

#[derive(Debug, PartialEq, Eq)]
pub enum TokenError {
    /// Well-formed and ours, but past its expiry.
    Expired,
    /// Malformed, forged, another algorithm, issuer or audience.
    Invalid,
}

impl JwtKeys {
    pub fn new(secret: &[u8], issuer: &str, audience: &str, ttl_seconds: i64) -> anyhow::Result<Self> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[issuer]);
        validation.set_audience(&[audience]);
        validation.leeway = 0;
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        Ok(Self {
            encoding: EncodingKey::from_secret(secret)?,
            decoding: DecodingKey::from_secret(secret)?,
            validation,
            issuer: issuer.to_owned(),
            audience: audience.to_owned(),
            ttl_seconds,
        })
    }

    pub fn issue(
        &self,
        employee_id: i64,
        roles: Vec<String>,
        now: DateTime<Utc>,
    ) -> anyhow::Result<(String, DateTime<Utc>)> {
        let exp = now + chrono::Duration::seconds(self.ttl_seconds);
        let claims = Claims {
            sub: employee_id.to_string(),
            iss: self.issuer.clone(),
            aud: self.audience.clone(),
            iat: now.timestamp(),
            exp: exp.timestamp(),
            roles,
        };
        let token = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)?;
        Ok((token, exp))
    }

    /// The employee id of a valid token.
    pub fn verify(&self, token: &str) -> Result<i64, TokenError> {
        match jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation) {
            Ok(data) => data.claims.sub.parse().map_err(|_| TokenError::Invalid),
            Err(e) if matches!(e.kind(), ErrorKind::ExpiredSignature) => Err(TokenError::Expired),
            Err(_) => Err(TokenError::Invalid),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use base64::Engine;

    const SECRET: &[u8] = b"0123456789abcdef0123456789abcdef";

    fn keys() -> JwtKeys {
        JwtKeys::new(SECRET, "calls-api", "calls-clients", 900).unwrap()
    }

    #[test]
    fn a_fresh_token_verifies_to_its_employee() {
        let (t, _) = keys().issue(42, vec!["STAFF".into()], Utc::now()).unwrap();
        assert_eq!(keys().verify(&t), Ok(42));
    }

    #[test]
    fn an_expired_token_is_reported_as_expired() {
        let (t, _) = keys().issue(42, vec![], Utc::now() - chrono::Duration::seconds(1000)).unwrap();
        assert_eq!(keys().verify(&t), Err(TokenError::Expired));
    }

    #[test]
    fn another_secret_issuer_or_audience_is_invalid() {
        let now = Utc::now();
        let other_secret =
            JwtKeys::new(b"ffffffffffffffffffffffffffffffff", "calls-api", "calls-clients", 900).unwrap();
        let other_iss = JwtKeys::new(SECRET, "someone-else", "calls-clients", 900).unwrap();
        let other_aud = JwtKeys::new(SECRET, "calls-api", "others", 900).unwrap();
        for k in [other_secret, other_iss, other_aud] {
            let (t, _) = k.issue(1, vec![], now).unwrap();
            assert_eq!(keys().verify(&t), Err(TokenError::Invalid));
        }
    }

    #[test]
    fn an_unsigned_none_token_is_invalid() {
        let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let header = b64.encode(br#"{"alg":"none","typ":"JWT"}"#);
        let exp = Utc::now().timestamp() + 600;
        let body = b64
            .encode(format!(r#"{{"sub":"1","iss":"calls-api","aud":"calls-clients","exp":{exp},"iat":0,"roles":[]}}"#));
        assert_eq!(keys().verify(&format!("{header}.{body}.")), Err(TokenError::Invalid));
        assert_eq!(keys().verify("garbage"), Err(TokenError::Invalid));
    }
}
