//! Tests of this topic.
