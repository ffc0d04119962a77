use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "employee")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub employee_no: String,
    pub name: String,
    pub department_id: i64,
    /// Role names wrapped in commas (`,STAFF,HR,`) so a role filter is a plain LIKE.
    pub roles: String,
    pub extension: Option<String>,
    pub email: Option<String>,
    /// Normalised (+86…) like every stored phone number.
    pub mobile: Option<String>,
    pub password_hash: String,
    pub active: bool,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
