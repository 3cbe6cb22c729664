use std::time::Duration;

use super::LoadError;

/// How many times a request is tried in all before the visitor sees the error.
pub const MAX_ATTEMPTS: u32 = 3;

/// Longest wait the page accepts from a server's `Retry-After`.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(8);

/// How long to wait before trying again after `error` on attempt number `attempt` (1-based), or
/// `None` when the error is final. Only passing troubles are retried: a network error, 429 Too
/// Many Requests, and 502/503/504. `retry_after` is the response's `Retry-After` header, in
/// seconds; HTTP dates are not honoured and fall back to the backoff.
pub fn retry_delay(error: &LoadError, attempt: u32, retry_after: Option<&str>) -> Option<Duration> {
    let transient = matches!(
        error,
        LoadError::Network | LoadError::Http(429 | 502 | 503 | 504)
    );
    if !transient || attempt >= MAX_ATTEMPTS {
        return None;
    }
    let backoff = Duration::from_millis(500 * 2u64.pow(attempt.saturating_sub(1).min(6)));
    let asked = retry_after
        .and_then(|value| value.trim().parse::<u64>().ok())
        .map(|seconds| Duration::from_secs(seconds).min(MAX_RETRY_AFTER));
    Some(asked.unwrap_or(backoff))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_passing_troubles_with_growing_backoff() {
        assert_eq!(
            retry_delay(&LoadError::Network, 1, None),
            Some(Duration::from_millis(500))
        );
        assert_eq!(
            retry_delay(&LoadError::Http(503), 2, None),
            Some(Duration::from_millis(1000))
        );
        assert_eq!(
            retry_delay(&LoadError::Http(429), 3, None),
            None,
            "gives up after the last attempt"
        );
    }

    #[test]
    fn honours_retry_after_within_a_cap() {
        assert_eq!(
            retry_delay(&LoadError::Http(429), 1, Some("2")),
            Some(Duration::from_secs(2))
        );
        assert_eq!(
            retry_delay(&LoadError::Http(503), 1, Some("3600")),
            Some(Duration::from_secs(8))
        );
        let date = "Wed, 21 Oct 2026 07:28:00 GMT";
        assert_eq!(
            retry_delay(&LoadError::Http(503), 1, Some(date)),
            Some(Duration::from_millis(500))
        );
    }

    #[test]
    fn never_retries_what_will_not_change() {
        for error in [
            LoadError::Http(404),
            LoadError::Http(500),
            LoadError::TimedOut,
            LoadError::NotJson,
            LoadError::TooLarge,
            LoadError::Empty,
            LoadError::NotMemberList,
        ] {
            assert_eq!(retry_delay(&error, 1, Some("1")), None, "{error:?}");
        }
    }
}
