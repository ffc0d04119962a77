use sea_orm::entity::prelude::*;

/// One row (id 1) naming the newest audit entry. Appends lock it, which
/// serialises the chain, and verification compares it with the table's tail,
/// so deleting the newest entries is detected too.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_head")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: i32,
    pub last_id: i64,
    pub last_hash: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
