//! Small builders the migrations share. Changing one changes no merged
//! migration's result: they only spell out the same statements.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{timestamp_with_time_zone, timestamp_with_time_zone_null};

/// Every timestamp is stored with its time zone (UTC in practice).
pub fn ts<T: IntoIden>(c: T) -> ColumnDef {
    timestamp_with_time_zone(c)
}

pub fn ts_null<T: IntoIden>(c: T) -> ColumnDef {
    timestamp_with_time_zone_null(c)
}

pub fn fk(
    from_table: impl IntoIden,
    from: impl IntoIden,
    to_table: impl IntoIden,
    to: impl IntoIden,
) -> ForeignKeyCreateStatement {
    ForeignKey::create().from(from_table, from).to(to_table, to).to_owned()
}

pub fn index(name: &str, table: impl IntoTableRef, cols: Vec<DynIden>) -> IndexCreateStatement {
    let mut idx = Index::create();
    idx.name(name).table(table);
    for c in cols {
        idx.col(c);
    }
    idx.to_owned()
}
