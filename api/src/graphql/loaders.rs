//! DataLoaders for every relation resolved on a list. Created per request
//! (per-request caches only); callers check visibility of what they load.

use std::collections::HashMap;

use async_graphql::dataloader::{DataLoader, Loader};
use entity::{
    call, complaint, complaint_department, complaint_employee, complaint_progress, cooperation_lead, department,
    employee, follow_up, inquiry, knowledge_article, transfer,
};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use crate::error::AppError;

pub struct Loaders {
    pub employees: DataLoader<EmployeeLoader>,
    pub departments: DataLoader<DepartmentLoader>,
    pub calls: DataLoader<CallLoader>,
    pub knowledge_articles: DataLoader<KnowledgeArticleLoader>,
    pub call_follow_ups: DataLoader<CallFollowUpsLoader>,
    pub call_transfers: DataLoader<CallTransfersLoader>,
    pub call_inquiries: DataLoader<CallInquiriesLoader>,
    pub call_leads: DataLoader<CallLeadsLoader>,
    pub call_complaints: DataLoader<CallComplaintsLoader>,
    pub complaint_departments: DataLoader<ComplaintDepartmentsLoader>,
    pub complaint_employees: DataLoader<ComplaintEmployeesLoader>,
    pub complaint_progress: DataLoader<ComplaintProgressLoader>,
}

impl Loaders {
    pub fn new(db: &DatabaseConnection) -> Self {
        Self {
            employees: DataLoader::new(EmployeeLoader(db.clone()), tokio::spawn),
            departments: DataLoader::new(DepartmentLoader(db.clone()), tokio::spawn),
            calls: DataLoader::new(CallLoader(db.clone()), tokio::spawn),
            knowledge_articles: DataLoader::new(KnowledgeArticleLoader(db.clone()), tokio::spawn),
            call_follow_ups: DataLoader::new(CallFollowUpsLoader(db.clone()), tokio::spawn),
            call_transfers: DataLoader::new(CallTransfersLoader(db.clone()), tokio::spawn),
            call_inquiries: DataLoader::new(CallInquiriesLoader(db.clone()), tokio::spawn),
            call_leads: DataLoader::new(CallLeadsLoader(db.clone()), tokio::spawn),
            call_complaints: DataLoader::new(CallComplaintsLoader(db.clone()), tokio::spawn),
            complaint_departments: DataLoader::new(ComplaintDepartmentsLoader(db.clone()), tokio::spawn),
            complaint_employees: DataLoader::new(ComplaintEmployeesLoader(db.clone()), tokio::spawn),
            complaint_progress: DataLoader::new(ComplaintProgressLoader(db.clone()), tokio::spawn),
        }
    }
}

fn internal(e: sea_orm::DbErr) -> std::sync::Arc<AppError> {
    std::sync::Arc::new(AppError::from(e))
}

/// A loader of rows by primary key for an entity module with an `id: i64`.
macro_rules! by_id_loader {
    ($name:ident, $module:ident) => {
        pub struct $name(DatabaseConnection);

        impl Loader<i64> for $name {
            type Value = $module::Model;
            type Error = std::sync::Arc<AppError>;
            async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, Self::Value>, Self::Error> {
                let rows = $module::Entity::find()
                    .filter($module::Column::Id.is_in(keys.iter().copied()))
                    .all(&self.0)
                    .await
                    .map_err(internal)?;
                Ok(rows.into_iter().map(|r| (r.id, r)).collect())
            }
        }
    };
}

by_id_loader!(EmployeeLoader, employee);
by_id_loader!(DepartmentLoader, department);
by_id_loader!(CallLoader, call);
by_id_loader!(KnowledgeArticleLoader, knowledge_article);

/// A loader of the child rows of many parents at once, in id order.
macro_rules! by_parent_loader {
    ($name:ident, $module:ident, $column:ident, $field:ident, $order:ident) => {
        pub struct $name(DatabaseConnection);

        impl Loader<i64> for $name {
            type Value = Vec<$module::Model>;
            type Error = std::sync::Arc<AppError>;
            async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, Self::Value>, Self::Error> {
                let rows = $module::Entity::find()
                    .filter($module::Column::$column.is_in(keys.iter().copied()))
                    .order_by_asc($module::Column::$order)
                    .all(&self.0)
                    .await
                    .map_err(internal)?;
                let mut out: HashMap<i64, Self::Value> = HashMap::new();
                for r in rows {
                    out.entry(r.$field).or_default().push(r);
                }
                Ok(out)
            }
        }
    };
}

by_parent_loader!(CallTransfersLoader, transfer, CallId, call_id, Id);
by_parent_loader!(CallInquiriesLoader, inquiry, CallId, call_id, Id);
by_parent_loader!(CallLeadsLoader, cooperation_lead, CallId, call_id, Id);
by_parent_loader!(CallComplaintsLoader, complaint, CallId, call_id, Id);
by_parent_loader!(ComplaintDepartmentsLoader, complaint_department, ComplaintId, complaint_id, DepartmentId);
by_parent_loader!(ComplaintEmployeesLoader, complaint_employee, ComplaintId, complaint_id, EmployeeId);
by_parent_loader!(ComplaintProgressLoader, complaint_progress, ComplaintId, complaint_id, Id);

pub struct CallFollowUpsLoader(DatabaseConnection);

impl Loader<i64> for CallFollowUpsLoader {
    type Value = Vec<follow_up::Model>;
    type Error = std::sync::Arc<AppError>;
    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, Self::Value>, Self::Error> {
        let rows = follow_up::Entity::find()
            .filter(follow_up::Column::CallId.is_in(keys.iter().copied()))
            .order_by_asc(follow_up::Column::Id)
            .all(&self.0)
            .await
            .map_err(internal)?;
        let mut out: HashMap<i64, Self::Value> = HashMap::new();
        for r in rows {
            if let Some(c) = r.call_id {
                out.entry(c).or_default().push(r);
            }
        }
        Ok(out)
    }
}
