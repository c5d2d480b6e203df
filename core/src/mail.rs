//! Sending e-mail over SMTP (`lettre`): a connection from the office's
//! settings — plain, STARTTLS or TLS, with or without a user name — and one
//! message with a PDF attached. A refused message gives the server's own
//! reason, so the clerk can read why an address failed.
use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{AppError, AppResult, ErrorCode, FieldErrors};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Security {
    /// Plain text: only for a relay on the office's own network.
    None,
    /// Plain connection upgraded with STARTTLS, required (port 587).
    #[default]
    Starttls,
    /// TLS from the start (port 465).
    Tls,
}

/// Where and how to connect, and who the mail is from.
#[derive(Debug, Clone)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub security: Security,
    /// Empty: no login.
    pub user: String,
    pub sender: String,
    pub sender_name: String,
}

/// One message: its recipients, subject, plain-text body and a PDF (file name, bytes).
pub struct Outgoing<'a> {
    pub to: &'a [String],
    pub subject: &'a str,
    pub body: &'a str,
    pub pdf: Option<(&'a str, &'a [u8])>,
}

pub struct Smtp {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

/// A plain e-mail address (`name@domain.tld`), as a mailbox parses it.
pub fn is_address(s: &str) -> bool {
    s.parse::<lettre::Address>().is_ok() && s.contains('.')
}

/// `localhost`, `127.0.0.0/8` or `::1`: this computer.
pub fn is_loopback(host: &str) -> bool {
    let h = host.trim().trim_start_matches('[').trim_end_matches(']');
    h.eq_ignore_ascii_case("localhost")
        || h.parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

impl Smtp {
    /// A connection from the settings; `password` is used only with a user.
    pub fn new(cfg: &SmtpConfig, password: Option<&str>) -> AppResult<Smtp> {
        let mut errs = FieldErrors::default();
        if cfg.host.trim().is_empty() {
            errs.push("host", ErrorCode::Required);
        }
        if cfg.port == 0 {
            errs.push("port", ErrorCode::OutOfRange);
        }
        let from = if cfg.sender.trim().is_empty() {
            errs.push("sender", ErrorCode::Required);
            None
        } else {
            match cfg.sender.trim().parse::<lettre::Address>() {
                Ok(a) => Some(Mailbox::new(
                    Some(cfg.sender_name.trim().to_string()).filter(|n| !n.is_empty()),
                    a,
                )),
                Err(_) => {
                    errs.push("sender", ErrorCode::EmailFormat);
                    None
                }
            }
        };
        // A login over a plain connection sends the password in clear: only
        // to a relay on this computer.
        if cfg.security == Security::None && !cfg.user.trim().is_empty() && !is_loopback(&cfg.host)
        {
            errs.push("security", ErrorCode::PlainLogin);
        }
        errs.into_result()?;
        let host = cfg.host.trim().to_string();
        let tls = || {
            TlsParameters::new(host.clone())
                .map_err(|e| AppError::field_detail("host", ErrorCode::MailFailed, e.to_string()))
        };
        let tls = match cfg.security {
            Security::None => Tls::None,
            Security::Starttls => Tls::Required(tls()?),
            Security::Tls => Tls::Wrapper(tls()?),
        };
        let mut b = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host.clone())
            .port(cfg.port)
            .tls(tls)
            .timeout(Some(Duration::from_secs(30)));
        if !cfg.user.trim().is_empty() {
            b = b.credentials(Credentials::new(
                cfg.user.trim().to_string(),
                password.unwrap_or_default().to_string(),
            ));
        }
        Ok(Smtp {
            transport: b.build(),
            from: from.ok_or_else(|| AppError::field("sender", ErrorCode::Required))?,
        })
    }

    /// Connects and says hello: `Err` carries the reason.
    pub async fn test(&self) -> Result<(), String> {
        match self.transport.test_connection().await {
            Ok(true) => Ok(()),
            Ok(false) => Err("the server did not answer".into()),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Sends one message; `Err` carries the server's reason (or the network's).
    pub async fn send(&self, m: &Outgoing<'_>) -> Result<(), String> {
        let mut b = Message::builder()
            .from(self.from.clone())
            .subject(m.subject);
        for to in m.to {
            let addr: lettre::Address = to.parse().map_err(|e| format!("{to}: {e}"))?;
            b = b.to(Mailbox::new(None, addr));
        }
        let body = SinglePart::plain(m.body.to_string());
        let msg = match m.pdf {
            Some((name, bytes)) => {
                let pdf = ContentType::parse("application/pdf").map_err(|e| e.to_string())?;
                b.multipart(
                    MultiPart::mixed()
                        .singlepart(body)
                        .singlepart(Attachment::new(name.to_string()).body(bytes.to_vec(), pdf)),
                )
            }
            None => b.singlepart(body),
        }
        .map_err(|e| e.to_string())?;
        self.transport
            .send(msg)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod plain_login_tests {
    use super::*;

    fn cfg(host: &str, security: Security, user: &str) -> SmtpConfig {
        SmtpConfig {
            host: host.into(),
            port: 25,
            security,
            user: user.into(),
            sender: "finance@example.com".into(),
            sender_name: String::new(),
        }
    }

    fn refused(c: &SmtpConfig) -> Vec<String> {
        match Smtp::new(c, Some("secret")) {
            Ok(_) => vec![],
            Err(AppError::Validation { fields }) => fields
                .iter()
                .map(|f| format!("{}:{}", f.field, f.code.key()))
                .collect(),
            Err(e) => panic!("{e:?}"),
        }
    }

    #[tokio::test]
    async fn a_login_in_clear_goes_only_to_this_computer() {
        assert_eq!(
            refused(&cfg("smtp.example.com", Security::None, "clerk")),
            vec!["security:plain_login".to_string()]
        );
        assert_eq!(
            refused(&cfg("192.168.1.5", Security::None, "clerk")).len(),
            1
        );
        for host in ["127.0.0.1", "localhost", "::1", "[::1]", "127.8.0.2"] {
            assert_eq!(
                refused(&cfg(host, Security::None, "clerk")),
                Vec::<String>::new(),
                "{host}"
            );
        }
        // No login, or an encrypted connection: allowed anywhere.
        assert!(refused(&cfg("smtp.example.com", Security::None, "")).is_empty());
        assert!(refused(&cfg("smtp.example.com", Security::Starttls, "clerk")).is_empty());
    }
}
