//! The integration tests, as one binary (one link on two cores), one module per area.

mod ui;
