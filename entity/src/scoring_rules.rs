use sea_orm::entity::prelude::*;

/// The single row (id 1) of assessment and ring-limit settings.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "scoring_rules")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: i32,
    pub base_score: f64,
    pub pass_score: f64,
    pub excellent_score: f64,
    pub ring_limit: i32,
    pub ring_interval_seconds: i32,
    pub late_answer_points: f64,
    pub inaccurate_record_points: f64,
    pub missed_deadline_points: f64,
    pub attitude_complaint_points: f64,
    pub confidentiality_minor_points: f64,
    pub confidentiality_major_points: f64,
    pub confidentiality_severe_points: f64,
    pub consecutive_failures_for_action: i32,
    pub version: i32,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
