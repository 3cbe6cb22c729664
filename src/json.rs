//! JSON as the decoders read it. In the browser the text is parsed by the browser's own
//! `JSON.parse`, because a JSON parser inside the wasm costs about 17 kB (brotli) that every
//! visitor downloads; natively (the build step, the tests) serde_json parses it.

/// A parsed JSON value. Objects keep their members in order; a repeated key means its last value.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// Appends `value` to `out` as a JSON string, quoted and escaped.
pub fn push_string(out: &mut String, value: &str) {
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                for shift in [4, 0] {
                    out.push(char::from_digit((c as u32 >> shift) & 0xf, 16).unwrap_or('0'));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Deeper nesting is refused (as serde_json does), so hostile input cannot exhaust the stack.
pub const MAX_DEPTH: usize = 128;

impl Json {
    /// Parses `text`; `None` when it is not JSON or nests deeper than [`MAX_DEPTH`].
    pub fn parse(text: &str) -> Option<Json> {
        parser::parse(text)
    }

    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.as_object()?
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(members) => Some(members),
            _ => None,
        }
    }

    /// An object of strings as pairs; `None` if it is not one.
    pub fn as_string_map(&self) -> Option<Vec<(String, String)>> {
        self.as_object()?
            .iter()
            .map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
            .collect()
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod parser {
    use super::Json;

    pub fn parse(text: &str) -> Option<Json> {
        // serde_json stops at 128 levels of nesting itself.
        serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .map(convert)
    }

    fn convert(value: serde_json::Value) -> Json {
        use serde_json::Value;
        match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(b),
            Value::Number(n) => Json::Number(n.as_f64().unwrap_or(f64::NAN)),
            Value::String(s) => Json::String(s),
            Value::Array(items) => Json::Array(items.into_iter().map(convert).collect()),
            Value::Object(members) => {
                Json::Object(members.into_iter().map(|(k, v)| (k, convert(v))).collect())
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod parser {
    use super::{Json, MAX_DEPTH};
    use wasm_bindgen::{JsCast, JsValue};

    pub fn parse(text: &str) -> Option<Json> {
        let value = js_sys::JSON::parse(text).ok()?;
        convert(&value, 0)
    }

    fn convert(value: &JsValue, depth: usize) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        if value.is_null() {
            return Some(Json::Null);
        }
        if let Some(b) = value.as_bool() {
            return Some(Json::Bool(b));
        }
        if let Some(n) = value.as_f64() {
            return Some(Json::Number(n));
        }
        if let Some(s) = value.as_string() {
            return Some(Json::String(s));
        }
        if js_sys::Array::is_array(value) {
            let items: &js_sys::Array = value.unchecked_ref();
            return items
                .iter()
                .map(|item| convert(&item, depth + 1))
                .collect::<Option<Vec<_>>>()
                .map(Json::Array);
        }
        let object = value.dyn_ref::<js_sys::Object>()?;
        js_sys::Object::entries(object)
            .iter()
            .map(|pair| {
                let pair: js_sys::Array = pair.unchecked_into();
                Some((pair.get(0).as_string()?, convert(&pair.get(1), depth + 1)?))
            })
            .collect::<Option<Vec<_>>>()
            .map(Json::Object)
    }
}

#[cfg(test)]
mod tests {
    use super::Json;

    #[test]
    fn reads_objects_arrays_and_scalars() {
        let json = Json::parse(r#"{"a":[1,"x",null,true],"b":{"c":"d"},"a":[2]}"#).unwrap();
        assert_eq!(json.get("a"), Some(&Json::Array(vec![Json::Number(2.0)])));
        assert_eq!(
            json.get("b")
                .and_then(|b| b.get("c"))
                .and_then(Json::as_str),
            Some("d")
        );
        assert_eq!(json.get("zz"), None);
    }

    #[test]
    fn refuses_what_is_not_json_or_nests_too_deep() {
        assert_eq!(Json::parse("<html>"), None);
        assert_eq!(Json::parse(&"[".repeat(10_000)), None);
        assert_eq!(
            Json::parse(&format!("{}{}", "[".repeat(200), "]".repeat(200))),
            None
        );
    }
}
