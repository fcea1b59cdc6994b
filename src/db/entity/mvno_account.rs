//! MVNO accounts (mobile subscriptions).
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mvno_account")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    #[sea_orm(indexed)]
    pub customer_id: String,
    #[sea_orm(unique)]
    pub number: String,
    pub state: crate::enums::AccountState,
    pub number_state: crate::enums::NumberState,
    pub network: Option<crate::enums::Network>,
    #[sea_orm(unique)]
    pub sim_icc: Option<String>,
    pub auto_assigned: bool,
    pub feature: Json,
    pub voicemail: Option<Json>,
    pub sip_account_id: Option<String>,
    pub pbx: Option<i32>,
    pub extension_id: Option<String>,
    pub dnd: bool,
    pub rate_plan_id: String,
    pub new_rate_plan_id: Option<String>,
    pub services: Json,
    pub socs_override: Option<Json>,
    pub row_roaming: Option<Json>,
    pub notes: Option<String>,
    pub custom: Option<Json>,
    pub billing_customer_id: Option<String>,
    pub start_date: DateTimeUtc,
    pub delete_date: Option<DateTimeUtc>,
    pub donor_sim_number: Option<String>,
    pub purchase_info: Option<Json>,
    pub mit_id: Option<Json>,
    pub porting_id: Option<String>,
    pub created_by: String,
    #[sea_orm(indexed)]
    pub created_at: DateTimeUtc,
    pub activated_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::customer::Entity",
        from = "Column::CustomerId",
        to = "super::customer::Column::Id"
    )]
    Customer,
    #[sea_orm(
        belongs_to = "super::product::Entity",
        from = "Column::RatePlanId",
        to = "super::product::Column::Id"
    )]
    RatePlan,
}

impl ActiveModelBehavior for ActiveModel {}

impl Related<super::customer::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Customer.def()
    }
}
