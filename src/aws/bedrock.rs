//! Amazon Bedrock's Converse API for `plan explain`: one message in, text and token counts
//! out, whole (Converse) or as it is written (ConverseStream). SDK types stop here, and every
//! failure becomes what went wrong and what to do about it.

use aws_config::SdkConfig;
use aws_sdk_bedrockruntime::types::{
    ContentBlock, ContentBlockDelta, ConversationRole, ConverseOutput, ConverseStreamOutput,
    InferenceConfiguration, Message, SystemContentBlock, TokenUsage,
};
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;

use crate::error::Error;
use crate::explain::{Answer, Usage};

#[derive(Clone)]
pub struct Bedrock {
    client: aws_sdk_bedrockruntime::Client,
    endpoint: String,
    region: String,
}

impl Bedrock {
    pub fn new(config: &SdkConfig) -> Bedrock {
        Bedrock {
            client: aws_sdk_bedrockruntime::Client::new(config),
            endpoint: super::endpoint(config, "bedrock-runtime"),
            region: config
                .region()
                .map_or("(no region)".into(), |r| r.to_string()),
        }
    }

    fn request(
        &self,
        system: &str,
        text: &str,
    ) -> Result<(Message, SystemContentBlock, InferenceConfiguration), Error> {
        let message = Message::builder()
            .role(ConversationRole::User)
            .content(ContentBlock::Text(text.to_string()))
            .build()
            .map_err(|e| Error::Remote {
                message: format!("cannot build the Bedrock request: {e}"),
                hint: "please report this".into(),
            })?;
        let config = InferenceConfiguration::builder()
            .max_tokens(crate::explain::MAX_ANSWER_TOKENS)
            .build();
        Ok((
            message,
            SystemContentBlock::Text(system.to_string()),
            config,
        ))
    }

    /// The whole answer at once.
    pub async fn converse(&self, model: &str, system: &str, text: &str) -> Result<Answer, Error> {
        let (message, system, config) = self.request(system, text)?;
        let out = self
            .client
            .converse()
            .model_id(model)
            .system(system)
            .messages(message)
            .inference_config(config)
            .send()
            .await
            .map_err(|e| self.fail("Converse", model, &e))?;
        let mut answer = Answer {
            usage: out.usage().map(usage),
            stop_reason: Some(out.stop_reason().as_str().to_string()),
            ..Answer::default()
        };
        if let Some(ConverseOutput::Message(m)) = out.output() {
            for block in m.content() {
                if let ContentBlock::Text(t) = block {
                    answer.text.push_str(t);
                }
            }
        }
        Ok(answer)
    }

    /// The answer as it is written: `on_text` gets each piece as it arrives.
    pub async fn converse_stream(
        &self,
        model: &str,
        system: &str,
        text: &str,
        mut on_text: impl FnMut(&str) -> Result<(), Error>,
    ) -> Result<Answer, Error> {
        let (message, system, config) = self.request(system, text)?;
        let mut out = self
            .client
            .converse_stream()
            .model_id(model)
            .system(system)
            .messages(message)
            .inference_config(config)
            .send()
            .await
            .map_err(|e| self.fail("ConverseStream", model, &e))?;
        let mut answer = Answer::default();
        loop {
            let event = out
                .stream
                .recv()
                .await
                .map_err(|e| self.fail("ConverseStream", model, &e))?;
            match event {
                None => break,
                Some(ConverseStreamOutput::ContentBlockDelta(d)) => {
                    if let Some(ContentBlockDelta::Text(t)) = d.delta() {
                        on_text(t)?;
                        answer.text.push_str(t);
                    }
                }
                Some(ConverseStreamOutput::MessageStop(s)) => {
                    answer.stop_reason = Some(s.stop_reason().as_str().to_string());
                }
                Some(ConverseStreamOutput::Metadata(m)) => {
                    answer.usage = m.usage().map(usage);
                }
                Some(_) => {}
            }
        }
        Ok(answer)
    }

    fn fail<E, R>(&self, op: &str, model: &str, e: &SdkError<E, R>) -> Error
    where
        E: ProvideErrorMetadata + std::error::Error + 'static,
        R: std::fmt::Debug,
    {
        let region = &self.region;
        if let Some(err) = e.as_service_error() {
            let code = err.code().unwrap_or("error");
            let said = err.message().unwrap_or("(no message)");
            let hint = match code {
                "AccessDeniedException" => format!(
                    "enable access to {model} in the Bedrock console (Model access) in {region}, and allow bedrock:InvokeModel and bedrock:InvokeModelWithResponseStream on it for these credentials"
                ),
                "ThrottlingException" | "ServiceQuotaExceededException" => format!(
                    "Bedrock is limiting requests to {model} in {region}: wait a minute and run again, or ask for a higher quota (Service Quotas, Amazon Bedrock)"
                ),
                "ResourceNotFoundException" | "ValidationException" => format!(
                    "{model} may not exist or be offered in {region}: pass --model (or set plan.explain_model) to a model or inference profile id from `aws bedrock list-inference-profiles --region {region}`"
                ),
                "ModelNotReadyException" | "ServiceUnavailableException" | "ModelTimeoutException" | "InternalServerException" => {
                    "Bedrock could not answer now: run again in a minute".to_string()
                }
                _ => "run again with -vv for details".to_string(),
            };
            return Error::Remote {
                message: format!("Bedrock {op} with {model} failed: {code}: {said}"),
                hint,
            };
        }
        let (why, _) = super::failure(e);
        Error::Remote {
            message: format!("Bedrock {op} at {} failed: {why}", self.endpoint),
            hint: format!(
                "check the network; if {region} has no Bedrock, pass --region (or set aws.region / AWS_REGION) to one that does, e.g. us-east-1 or eu-central-1; check AWS_ENDPOINT_URL if you set one"
            ),
        }
    }
}

fn usage(u: &TokenUsage) -> Usage {
    Usage {
        input_tokens: i64::from(u.input_tokens()),
        output_tokens: i64::from(u.output_tokens()),
        total_tokens: i64::from(u.total_tokens()),
    }
}
