//! The adapter for SNS: budget alerts published to a topic and email addresses subscribed
//! to it, each in the topic's own region. Failures come back as one line saying why.

use aws_config::{Region, SdkConfig};
use aws_sdk_sns::types::MessageAttributeValue;

/// One alert as SNS carries it.
pub struct Alert<'a> {
    pub subject: &'a str,
    pub message: &'a str,
    /// String-typed message attributes (`budget`, `cloudops_user`).
    pub text: Vec<(&'a str, &'a str)>,
    /// Number-typed message attributes (`threshold`).
    pub numbers: Vec<(&'a str, String)>,
    /// For FIFO topics: deduplicated by SNS for five minutes.
    pub dedup_id: String,
}

pub struct Topic {
    client: aws_sdk_sns::Client,
    arn: String,
}

impl Topic {
    /// `region` is the ARN's (SNS answers for a topic only there).
    pub fn new(config: &SdkConfig, arn: &str, region: &str) -> Topic {
        let conf = aws_sdk_sns::config::Builder::from(config)
            .region(Region::new(region.to_string()))
            .build();
        Topic {
            client: aws_sdk_sns::Client::from_conf(conf),
            arn: arn.to_string(),
        }
    }

    /// Publishes; returns the message ID.
    pub async fn publish(&self, a: &Alert<'_>) -> Result<String, String> {
        let mut req = self
            .client
            .publish()
            .topic_arn(&self.arn)
            .subject(a.subject)
            .message(a.message);
        for (k, v) in &a.text {
            req = req.message_attributes(*k, attr("String", v));
        }
        for (k, v) in &a.numbers {
            req = req.message_attributes(*k, attr("Number", v));
        }
        if self.arn.ends_with(".fifo") {
            // FIFO topics need a group; the deduplication ID also absorbs an SDK retry of a
            // publish that had gone through.
            req = req
                .message_group_id("cloudops-budget-alerts")
                .message_deduplication_id(&a.dedup_id);
        }
        req.send()
            .await
            .map(|o| o.message_id.unwrap_or_default())
            .map_err(|e| format!("SNS Publish to {}: {}", self.arn, super::error_text(&e)))
    }

    /// Subscribes `email`; with `only_user`, a filter policy lets through only alerts whose
    /// `cloudops_user` attribute is that user. Returns the subscription ARN (or "pending
    /// confirmation").
    pub async fn subscribe_email(
        &self,
        email: &str,
        only_user: Option<&str>,
    ) -> Result<String, String> {
        let mut req = self
            .client
            .subscribe()
            .topic_arn(&self.arn)
            .protocol("email")
            .endpoint(email)
            .return_subscription_arn(true);
        if let Some(user) = only_user {
            req = req.attributes(
                "FilterPolicy",
                serde_json::json!({"cloudops_user": [user]}).to_string(),
            );
        }
        req.send()
            .await
            .map(|o| o.subscription_arn.unwrap_or_default())
            .map_err(|e| {
                let why = super::error_text(&e);
                if why.contains("already exists") {
                    // One subscription per (topic, address): another user's filter, or the
                    // stack's own AlertEmail, already holds this address.
                    format!(
                        "{email} is already subscribed to {} with other settings (another user's alert filter, or the stack's AlertEmail subscription); SNS keeps one subscription per address and topic, so use an address of your own",
                        self.arn
                    )
                } else {
                    format!("SNS Subscribe to {}: {why}", self.arn)
                }
            })
    }
}

fn attr(kind: &str, v: &str) -> MessageAttributeValue {
    MessageAttributeValue::builder()
        .data_type(kind)
        .string_value(v)
        .build()
        .expect("data type is set")
}
