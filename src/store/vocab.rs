//! The closed vocabularies of the data file as SQL values: each read back through its one text
//! mapping, so a row the schema should have refused is an error, never a guess.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::core::Mode;

impl ToSql for Mode {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.name()))
    }
}

impl FromSql for Mode {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        Mode::from_name(text)
            .ok_or_else(|| FromSqlError::Other(format!("unknown mode {text:?}").into()))
    }
}
