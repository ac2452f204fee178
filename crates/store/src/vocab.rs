//! The closed vocabularies of the data file as SQL values: each read back through its one text
//! mapping, so a row the schema should have refused is an error, never a guess.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use pijat_core::Mode;

/// A domain value in its column: the orphan rule keeps `ToSql` for core's types here, in the
/// store, which alone knows SQL.
pub(crate) struct Sql<T>(pub(crate) T);

impl ToSql for Sql<Mode> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.0.name()))
    }
}

impl FromSql for Sql<Mode> {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        Mode::from_name(text)
            .map(Sql)
            .ok_or_else(|| FromSqlError::Other(format!("unknown mode {text:?}").into()))
    }
}
