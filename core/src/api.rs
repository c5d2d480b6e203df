//! Every command the desktop shell answers, declared once: its name, request,
//! response and, where the work is long, its progress messages. The shell's
//! adapters take their types from here (`Req<cmd::x>`, `Res<cmd::x>`), so an
//! adapter that differs from its declaration does not compile, and one that is
//! not declared cannot be registered. `core/tests/api.rs` writes the UI's typed
//! command map (`ui/src/bindings/commands.ts`) and the command table of
//! `docs/ipc.md` from this declaration; the test command fails when they are stale.
use ts_rs::TS;

use crate::agreement::export::{AgreementExportRequest, RebateExportRequest};
use crate::agreement::print::AgreementPdfRequest;
use crate::agreement::rebate::{RebateApproval, RebateRun, RebateRunRequest};
use crate::agreement::template::AgreementTemplates;
use crate::agreement::{
    Agreement, AgreementDetail, AgreementInput, AgreementListQuery, AgreementUpdate, ScanRequest,
    SignRequest, TerminateRequest, VersionRequest,
};
use crate::assessment::{Assessment, AssessmentInput};
use crate::attachment::{Attachment, AttachmentAdd};
use crate::audit::{AuditEntry, AuditQuery};
use crate::backup::restore::Restored;
use crate::backup::{BackupInfo, BackupOverview, BackupSettings};
use crate::complaint::days::CalendarDay;
use crate::complaint::report::{ComplaintReport, ReportFileRequest, ReportRequest};
use crate::complaint::settings::ComplaintSettings;
use crate::complaint::{
    Complaint, ComplaintAttach, ComplaintAttachmentRef, ComplaintDetail, ComplaintInput,
    ComplaintNote, ComplaintQuery, ComplaintTransition,
};
use crate::dashboard::{Dashboard, DashboardRequest};
use crate::db::server::{DatabaseSave, DatabaseTest, DatabaseView, ServerProbe};
use crate::db::AppInfo;
use crate::distributor::contacts::{Contact, ContactSave};
use crate::distributor::transfer::{ExportRequest, ImportPreview, ImportProgress, ImportSummary};
use crate::distributor::{
    Distributor, DistributorDetail, DistributorInput, DistributorQuery, DistributorUpdate,
    ManagerAssign, TierChangeRequest, TransitionRequest,
};
use crate::lang::Lang;
use crate::ledger::batch::{BatchProgress, BatchRequest, BatchSummary};
use crate::ledger::collections::{CallInput, CallQuery, CollectionCall};
use crate::ledger::import::{LedgerExportRequest, LedgerImportSummary};
use crate::ledger::receivables::{
    CreditWarning, Receivables, ReceivablesFileRequest, ReceivablesQuery,
};
use crate::ledger::runs::{ConfirmInput, ConfirmationReport, ReportPeriod, RunQuery, StatementRun};
use crate::ledger::send::{SendProgress, SendRequest, SendSummary};
use crate::ledger::statement::{SavedStatement, Statement, StatementPdfRequest, StatementRequest};
use crate::ledger::{EntryInput, LedgerEntry, LedgerQuery, ReverseRequest};
use crate::logo::LogoInfo;
use crate::onboarding::{Checklist, OnboardingSettings, OnboardingStart, Pipeline, StepUpdate};
use crate::paging::Page;
use crate::reminders::centre::{Centre, DecisionRequest};
use crate::scorecard::export::ReviewFileRequest;
use crate::scorecard::finalise::{QuarterResult, RevisionInput, Warning};
use crate::scorecard::plan::{Plan, PlanInput, PlanQuery};
use crate::scorecard::tiers::{ApplyTiers, TierReview, TierReviewRow};
use crate::scorecard::{QuarterReview, RatingInput, Scorecard, ScorecardSettings};
use crate::settings::{
    MailSettingsSave, MailSettingsView, ReminderSettings, Settings, StatementSettings,
};
use crate::setup::{About, FirstStart};
use crate::training::certificate::{
    Certificate, CertificatePrintRequest, CertificateQuery, RevokeRequest,
};
use crate::training::compliance::ComplianceRow;
use crate::training::export::TrainingExportRequest;
use crate::training::session::{
    EnrolRequest, ResultsRequest, SessionDetail, SessionMove, SessionQuery, SessionSave,
    TrainingSession,
};
use crate::training::{Course, CourseSave, TrainingSettings};
use crate::users::{
    LoginRequest, PasswordChange, PasswordReset, SessionView, User, UserInput, UserUpdate,
};
use crate::violation::{
    Violation, ViolationCancelRequest, ViolationInput, ViolationQuery, ViolationSettings,
};
use crate::visit::{Visit, VisitExportRequest, VisitInput, VisitQuery};

/// A command: its name on the wire and the types it takes and gives.
pub trait Command {
    const NAME: &'static str;
    type Req;
    type Resp;
}

/// A long command's progress messages, sent over a `tauri::ipc::Channel`.
pub trait Progress: Command {
    type Msg;
}

/// A command as the generators see it: TypeScript type names from ts-rs.
pub struct CommandSpec {
    pub name: &'static str,
    pub doc: &'static str,
    /// `()` is a command without a request.
    pub req: fn(&ts_rs::Config) -> String,
    pub resp: fn(&ts_rs::Config) -> String,
    pub progress: Option<fn(&ts_rs::Config) -> String>,
    /// Writes the bindings of its request, response and progress types, with
    /// every type they use, into `cfg`'s folder.
    pub export: fn(&ts_rs::Config) -> Result<(), ts_rs::ExportError>,
}

/// Writes the binding of `T` (or, for `Vec<T>`, `Option<T>` and the like,
/// of the types inside) and of every type it uses.
pub fn export_with_uses<T: TS + 'static + ?Sized>(
    cfg: &ts_rs::Config,
) -> Result<(), ts_rs::ExportError> {
    struct Uses<'a> {
        cfg: &'a ts_rs::Config,
        error: Option<ts_rs::ExportError>,
    }
    impl ts_rs::TypeVisitor for Uses<'_> {
        fn visit<U: TS + 'static + ?Sized>(&mut self) {
            if self.error.is_none() && U::output_path().is_some() {
                self.error = U::export_all(self.cfg).err();
            }
        }
    }
    if T::output_path().is_some() {
        return T::export_all(cfg);
    }
    let mut uses = Uses { cfg, error: None };
    T::visit_dependencies(&mut uses);
    T::visit_generics(&mut uses);
    uses.error.map_or(Ok(()), Err)
}

macro_rules! commands {
    ($( $(#[doc = $doc:literal])* $name:ident ( $req:ty ) -> $resp:ty $(, progress $prog:ty)? ; )*) => {
        /// One marker type per command, named as on the wire.
        #[allow(non_camel_case_types)]
        pub mod cmd {
            use super::*;
            $(
                $(#[doc = $doc])*
                pub struct $name;
                impl Command for $name {
                    const NAME: &'static str = stringify!($name);
                    type Req = $req;
                    type Resp = $resp;
                }
                $( impl Progress for $name { type Msg = $prog; } )?
            )*
        }

        /// Every command, in the order of the table.
        pub const COMMANDS: &[CommandSpec] = &[
            $(
                CommandSpec {
                    name: stringify!($name),
                    doc: concat!($($doc, "\n",)* ""),
                    req: <$req as TS>::name,
                    resp: <$resp as TS>::name,
                    progress: commands!(@progress $($prog)?),
                    export: {
                        fn export(cfg: &ts_rs::Config) -> Result<(), ts_rs::ExportError> {
                            export_with_uses::<$req>(cfg)?;
                            export_with_uses::<$resp>(cfg)?;
                            $( export_with_uses::<$prog>(cfg)?; )?
                            Ok(())
                        }
                        export
                    },
                },
            )*
        ];
    };
    (@progress) => { None };
    (@progress $p:ty) => { Some(<$p as TS>::name) };
}

commands! {
    /// Where the database lives, the program's version, the copy made before this start's
    /// migration, and the office's date (`today`; `fixed_today` is the one given with `--today`).
    app_info(()) -> AppInfo;
    /// Operator name, language, admission criteria, tier thresholds and names.
    settings_get(()) -> Settings;
    /// Saves the settings; the operator name in them is who saves.
    settings_save(Settings) -> Settings;
    /// Only the language (`zh-CN` or `en`), so the UI can switch before an operator name exists.
    settings_set_language(Lang) -> ();
    /// One page of the list, filtered and sorted in SQL, with the total.
    distributor_list(DistributorQuery) -> Page<Distributor>;
    /// Provinces and sales regions in use, for filters.
    distributor_territories(()) -> Vec<String>;
    /// A distributor by id, with status and tier history, assessments and contacts.
    distributor_get(i64) -> DistributorDetail;
    /// The next free code (`DS00001` …).
    distributor_next_code(()) -> String;
    /// Creates an applicant.
    distributor_create(DistributorInput) -> Distributor;
    /// Edits the profile.
    distributor_update(DistributorUpdate) -> Distributor;
    /// Sets or clears the responsible manager (a user who can log in).
    distributor_manager_set(ManagerAssign) -> Distributor;
    /// Moves the status (legal moves only; narrowing moves need a reason).
    distributor_transition(TransitionRequest) -> Distributor;
    /// Changes the tier (reason required).
    distributor_change_tier(TierChangeRequest) -> Distributor;
    /// Records an admission assessment; approve/reject moves the status, `apply_tier` sets the
    /// recommended tier.
    assessment_record(AssessmentInput) -> Assessment;
    /// One page of a record's audit trail, newest first, with the total.
    audit_list(AuditQuery) -> Page<AuditEntry>;
    /// Reads a distributor sheet (.csv or .xlsx) and says what an import would do; writes nothing.
    distributor_import_preview(String) -> ImportPreview;
    /// Imports the sheet: every row valid or nothing written; progress over `onProgress`.
    distributor_import_commit(String) -> ImportSummary, progress ImportProgress;
    /// Writes the list for the query as .csv or .xlsx; returns the rows written.
    distributor_export(ExportRequest) -> u64;
    /// A distributor's attached files.
    attachment_list(i64) -> Vec<Attachment>;
    /// Copies a file into the attachment folder and records it.
    attachment_add(AttachmentAdd) -> Attachment;
    /// Removes an attachment and its copy.
    attachment_remove(i64) -> ();
    /// Opens the stored copy in the system viewer.
    attachment_open(i64) -> ();
    /// Creates or edits one of a distributor's people.
    contact_save(ContactSave) -> Contact;
    /// Removes a person (refused while they have training records).
    contact_remove(i64) -> ();
    /// One page of a distributor's entries in date order, then entry order (dates `YYYY-MM-DD`
    /// or empty), with the total.
    ledger_list(LedgerQuery) -> Page<LedgerEntry>;
    /// Posts one entry by hand.
    ledger_post(EntryInput) -> LedgerEntry;
    /// Reverses an entry with one linked adjustment; returns the adjustment.
    ledger_reverse(ReverseRequest) -> LedgerEntry;
    /// Imports the accounting system's sheet: every row valid or nothing; re-importing adds nothing
    /// twice.
    ledger_import(String) -> LedgerImportSummary;
    /// Writes ledger entries as .csv or .xlsx; returns the rows written.
    ledger_export(LedgerExportRequest) -> u32;
    /// The statement of account for a period: opening, lines with running balance, closing, aging.
    statement_get(StatementRequest) -> Statement;
    /// Writes the statement PDF to `path` (empty: the print folder); returns the path written
    /// and the characters printed as substitutes.
    statement_save_pdf(StatementPdfRequest) -> SavedStatement;
    /// Writes the PDF into the app's print folder and opens it in the system viewer.
    statement_open(StatementPdfRequest) -> SavedStatement;
    /// Sends the PDF to the default printer through the system's print spooler (`lp`).
    statement_print(StatementPdfRequest) -> SavedStatement;
    /// Every active distributor's statement into a folder (optionally merged); progress over
    /// `onProgress`.
    statement_batch(BatchRequest) -> BatchSummary, progress BatchProgress;
    /// Stops the running batch at the next file; it then rejects with `cancelled`.
    statement_batch_cancel(()) -> ();
    /// Opens a folder or file the app wrote (a batch folder, a saved PDF).
    path_open(String) -> ();
    /// The backup folder: its backups (newest first), the backup settings, when the last
    /// automatic backup was made and how this start's attempt went.
    backup_overview(()) -> BackupOverview;
    /// Backs up the database and its attachments into the backup folder now.
    backup_now(()) -> BackupInfo;
    /// Saves the backup folder (empty: `backups/` beside the database) and the rotation.
    backup_settings_save(BackupSettings) -> BackupSettings;
    /// Checks a backup file (manifest, checksums, integrity, version) and says what it holds.
    backup_inspect(String) -> BackupInfo;
    /// Replaces the database with a backup: the current data is backed up first, the window's
    /// connections close, the files are swapped and the restored data is opened (and migrated).
    backup_restore(String) -> Restored;
    /// The scorecards of a quarter (`2026Q1`): the frozen ones (latest revisions, with
    /// warnings) once it is finalised, else computed from the records now.
    scorecard_review(String) -> QuarterReview;
    /// Writes a quarter's review as XLSX or PDF (one page per distributor); returns the path.
    scorecard_file(ReviewFileRequest) -> String;
    /// The owner's dashboard for a month, quarter or year (default: this quarter).
    dashboard_get(DashboardRequest) -> Dashboard;
    /// Every distributor's aging on a date (empty: today), by the statement's rules, with totals.
    receivables_list(ReceivablesQuery) -> Receivables;
    /// Which of the distributors (none given: all) owe more than their credit limit.
    credit_check(Vec<i64>) -> Vec<CreditWarning>;
    /// Writes the receivables on a date as XLSX or PDF; returns the number of distributors.
    receivables_export(ReceivablesFileRequest) -> usize;
    /// The collections log, latest first, with each promise's state today.
    collection_list(CallQuery) -> Vec<CollectionCall>;
    /// Logs a collection call, message or visit, with a payment promise if one was made.
    collection_add(CallInput) -> CollectionCall;
    /// Statements issued (saved, printed, batch, e-mailed), latest first, with their answers.
    statement_runs(RunQuery) -> Vec<StatementRun>;
    /// Records a distributor's answer to a statement: confirmed, disputed or no answer.
    statement_confirm(ConfirmInput) -> StatementRun;
    /// Confirmed / disputed / unanswered counts and amounts for periods ending in a range.
    confirmation_report(ReportPeriod) -> ConfirmationReport;
    /// When undated things become due in the reminders.
    reminder_settings_get(()) -> ReminderSettings;
    /// Saves those days.
    reminder_settings_save(ReminderSettings) -> ReminderSettings;
    /// The outgoing mail server, the statement e-mail's templates, whether a password is kept.
    mail_settings_get(()) -> MailSettingsView;
    /// Saves them; a password typed with a user name goes to the system's keyring.
    mail_settings_save(MailSettingsSave) -> MailSettingsView;
    /// Sends a short test message to the address given.
    mail_test(String) -> ();
    /// E-mails the statements of a period (the distributors named, or every active one) with
    /// progress; failures listed with the server's reason; each sent statement becomes a run.
    statement_send(SendRequest) -> SendSummary, progress SendProgress;
    /// Stops the sending after the distributor being sent.
    statement_send_cancel(()) -> ();
    /// Visits and business reviews, latest first: one distributor's or all, or a quarter's reviews.
    visit_list(VisitQuery) -> Vec<Visit>;
    /// Records or updates a visit (planned or made) with its follow-up actions.
    visit_save(VisitInput) -> Visit;
    /// Writes the visits as XLSX; returns the number of rows.
    visit_export(VisitExportRequest) -> usize;
    /// Freezes a quarter that has ended; refused twice.
    scorecard_finalise(String) -> QuarterReview;
    /// A correction of a finalised scorecard: a new revision with a reason.
    scorecard_revise(RevisionInput) -> Scorecard;
    /// A distributor's finalised quarters, oldest first, with every revision.
    scorecard_history(i64) -> Vec<QuarterResult>;
    /// The exit warnings in force (the latest finalised quarter's).
    scorecard_warnings(()) -> Vec<Warning>;
    /// Improvement plans: one distributor's or all, open ones only if asked.
    plan_list(PlanQuery) -> Vec<Plan>;
    /// Records or updates an improvement plan.
    plan_save(PlanInput) -> Plan;
    /// The annual tier review of a year: score, recommendation and direction.
    tier_review(i32) -> TierReview;
    /// Applies tier recommendations (the listed ones, or every change) in one go.
    tier_apply(ApplyTiers) -> Vec<TierReviewRow>;
    /// The scorecard's indicator weights, rules, grade lines and baseline.
    scorecard_settings_get(()) -> ScorecardSettings;
    /// Saves the scorecard settings.
    scorecard_settings_save(ScorecardSettings) -> ScorecardSettings;
    /// Sets the reviewer's rating (0–100, or none) and comment of a distributor's quarter.
    scorecard_rate(RatingInput) -> ();
    /// Violations, newest first: one distributor's or all.
    violation_list(ViolationQuery) -> Vec<Violation>;
    /// Records a violation (points default to its kind's).
    violation_record(ViolationInput) -> Violation;
    /// Cancels a mistaken violation with a reason; the record stays.
    violation_cancel(ViolationCancelRequest) -> Violation;
    /// The kinds of violation and their default points.
    violation_settings_get(()) -> ViolationSettings;
    /// Saves the kinds of violation.
    violation_settings_save(ViolationSettings) -> ViolationSettings;
    /// Company profile, aging buckets and statement texts.
    statement_settings_get(()) -> StatementSettings;
    /// Saves the statement settings.
    statement_settings_save(StatementSettings) -> StatementSettings;
    /// Fills an empty database with sample data; returns the distributors added.
    demo_load_sample(()) -> u64;
    /// Whether the window opens its first-start guide: an empty database whose guide was never
    /// finished or closed.
    first_start_get(()) -> FirstStart;
    /// The guide was finished or closed: it no longer opens by itself (Settings and Help still
    /// open it).
    first_start_finish(()) -> ();
    /// The company's logo as the documents print it, with a preview; none if there is none.
    company_logo_get(()) -> Option<LogoInfo>;
    /// Replaces the logo with a PNG or JPEG file (checked, scaled, kept in the database).
    company_logo_set(String) -> LogoInfo;
    /// Removes the logo; the headers print the company's name alone.
    company_logo_remove(()) -> ();
    /// The About box: version, schema version, the database's path and size, the data and backup
    /// folders, the last backup, and the licences.
    about_get(()) -> About;
    /// The newest audit entry's id: the window polls it (every 5 s) and reads its answers
    /// again when another user or program has written.
    data_version(()) -> i64;
    /// Whether this window must log in, who is logged in, and whether the database still
    /// needs its first owner (a new server database).
    login_state(()) -> SessionView;
    /// Logs in (five wrong passwords in a row lock the login for 15 minutes); every write
    /// from then on is this user's, within their roles.
    login(LoginRequest) -> SessionView;
    /// Logs out: nothing is done until someone logs in again.
    logout(()) -> SessionView;
    /// On a database without users: adds its first owner and logs in (a new server database
    /// at the login screen, this PC's file in Settings → Users).
    first_owner_add(UserInput) -> SessionView;
    /// The logged-in user changes their own password (the current one given).
    password_change(PasswordChange) -> ();
    /// Every user, with roles, scope and whether disabled or locked.
    user_list(()) -> Vec<User>;
    /// An owner adds a user (Settings → Users).
    user_add(UserInput) -> User;
    /// An owner changes a user's name, roles, scope, or disables or enables them.
    user_update(UserUpdate) -> User;
    /// An owner sets a new password for a user, lifting a lockout.
    user_password_reset(PasswordReset) -> ();
    /// Settings → Database: the file or server in use, and the choice saved for the next start.
    database_get(()) -> DatabaseView;
    /// Connects once to an office server with these settings: its version, whether the
    /// connection is encrypted, and what the database holds.
    database_test(DatabaseTest) -> ServerProbe;
    /// Saves "this PC" or "office server" for the next start (the server's password into the
    /// system keyring, never into a file).
    database_save(DatabaseSave) -> DatabaseView;
    /// Closes DealerDesk and starts it again (to use a newly chosen database).
    app_restart(()) -> ();
    /// One page of the complaints of a view (all, late — least time left first —, resolved) with
    /// their SLA state, and the total.
    complaint_list(ComplaintQuery) -> Page<Complaint>;
    /// A complaint with its timeline and clocks.
    complaint_get(i64) -> ComplaintDetail;
    /// Records a new complaint (intake).
    complaint_record(ComplaintInput) -> Complaint;
    /// Moves a complaint along its workflow with what the step needs.
    complaint_transition(ComplaintTransition) -> ComplaintDetail;
    /// Adds a note to the timeline.
    complaint_note(ComplaintNote) -> ComplaintDetail;
    /// Attaches a file to a complaint.
    complaint_attach(ComplaintAttach) -> ComplaintDetail;
    /// Opens a complaint's attached file in the system viewer.
    complaint_attachment_open(ComplaintAttachmentRef) -> ();
    /// The report for a period: counts, SLA compliance, hours, Pareto.
    complaint_report(ReportRequest) -> ComplaintReport;
    /// Writes the report as .pdf or .xlsx (by the path's extension); returns the path.
    complaint_report_file(ReportFileRequest) -> String;
    /// Categories, root causes, SLA per priority, working day, UTC offset, escalation people.
    complaint_settings_get(()) -> ComplaintSettings;
    /// Saves the complaint settings.
    complaint_settings_save(ComplaintSettings) -> ComplaintSettings;
    /// Dated holidays and make-up working days.
    calendar_days_get(()) -> Vec<CalendarDay>;
    /// Replaces the dated exceptions.
    calendar_days_save(Vec<CalendarDay>) -> Vec<CalendarDay>;
    /// Replaces the dated exceptions with those of a `date,kind,name` CSV/XLSX file.
    calendar_import(String) -> Vec<CalendarDay>;
    /// Writes the dated exceptions as CSV; returns the rows written.
    calendar_export(String) -> u32;
    /// One page of the agreements matching the query (latest versions unless `all_versions`),
    /// with the total.
    agreement_list(AgreementListQuery) -> Page<Agreement>;
    /// An agreement with its versions, history and channel conflicts.
    agreement_get(i64) -> AgreementDetail;
    /// Creates a draft.
    agreement_create(AgreementInput) -> AgreementDetail;
    /// Edits a draft.
    agreement_update(AgreementUpdate) -> AgreementDetail;
    /// Draft → awaiting signature (terms frozen).
    agreement_submit(i64) -> AgreementDetail;
    /// Awaiting signature → draft.
    agreement_withdraw(i64) -> AgreementDetail;
    /// Signs with the scan: terms applied to the distributor, approved → active.
    agreement_sign(SignRequest) -> AgreementDetail;
    /// Terminates a signed agreement on a date, with a reason.
    agreement_terminate(TerminateRequest) -> AgreementDetail;
    /// A draft v+1 (amendment or renewal) of a signed agreement.
    agreement_new_version(VersionRequest) -> AgreementDetail;
    /// Attaches or replaces the signed scan.
    agreement_attach_scan(ScanRequest) -> AgreementDetail;
    /// Opens the signed scan in the system viewer.
    agreement_scan_open(i64) -> ();
    /// Writes the agreement PDF to `path`; returns the path written.
    agreement_save_pdf(AgreementPdfRequest) -> String;
    /// Writes the PDF into the print folder and opens it in the system viewer.
    agreement_open(AgreementPdfRequest) -> String;
    /// Sends the PDF to the default printer through the system's print spooler.
    agreement_print(AgreementPdfRequest) -> String;
    /// The clause templates (zh-CN and English) with `{{placeholders}}`.
    agreement_templates_get(()) -> AgreementTemplates;
    /// Saves the clause templates (unknown placeholders refused).
    agreement_templates_save(AgreementTemplates) -> AgreementTemplates;
    /// Computes a rebate run for a period from targets and the ledger; writes nothing.
    rebate_preview(RebateRunRequest) -> RebateRun;
    /// Posts the run's rebates to the ledger, each at most once.
    rebate_approve(RebateRunRequest) -> RebateApproval;
    /// Writes the agreement list as .xlsx or .csv; returns the rows written.
    agreement_export(AgreementExportRequest) -> usize;
    /// Writes a rebate run as .xlsx or .csv; returns the rows written.
    rebate_export(RebateExportRequest) -> usize;
    /// A distributor's onboarding checklist (`started: false` before it starts).
    onboarding_get(i64) -> Checklist;
    /// Creates the checklist from the step templates.
    onboarding_start(OnboardingStart) -> Checklist;
    /// Ticks, unticks or re-plans a step.
    onboarding_step_update(StepUpdate) -> Checklist;
    /// Every onboarding distributor by its next open step, late steps flagged.
    onboarding_pipeline(()) -> Pipeline;
    /// The onboarding step templates.
    onboarding_settings_get(()) -> OnboardingSettings;
    /// Saves the onboarding step templates.
    onboarding_settings_save(OnboardingSettings) -> OnboardingSettings;
    /// The reminders centre: every due thing today (complaints at risk or late included),
    /// by urgency, with the snoozed and handled ones and the count still open.
    reminders_list(()) -> Centre;
    /// Snoozes a reminder to a date, marks it handled with a note, or reopens it (audited).
    reminder_decide(DecisionRequest) -> ();
    /// The course catalogue.
    course_list(()) -> Vec<Course>;
    /// Creates (`id` null) or edits a course.
    course_save(CourseSave) -> Course;
    /// Course categories.
    training_settings_get(()) -> TrainingSettings;
    /// Saves the course categories.
    training_settings_save(TrainingSettings) -> TrainingSettings;
    /// Sessions of a month or course.
    session_list(SessionQuery) -> Vec<TrainingSession>;
    /// A session with its enrolments and results.
    session_get(i64) -> SessionDetail;
    /// Creates a session (enrolling `input.enrol`) or edits one that is still planned.
    session_save(SessionSave) -> SessionDetail;
    /// Enrols people up to the capacity, once each.
    session_enrol(EnrolRequest) -> SessionDetail;
    /// Removes an enrolment from a planned session.
    session_unenrol(i64) -> SessionDetail;
    /// Attendance, scores and feedback of a held session.
    session_results(ResultsRequest) -> SessionDetail;
    /// planned → held | cancelled; held → closed (which issues the certificates).
    session_move(SessionMove) -> SessionDetail;
    /// One page of the certificates matching the query, with their state as of today and the
    /// total.
    certificate_list(CertificateQuery) -> Page<Certificate>;
    /// Revokes a certificate on a date, with a reason (never deleted).
    certificate_revoke(RevokeRequest) -> Certificate;
    /// One landscape PDF per certificate, `<number>.pdf` in `out_dir`; returns the paths written.
    certificate_print(CertificatePrintRequest) -> Vec<String>;
    /// Active and suspended distributors (or just one): required, covered and missing courses.
    training_compliance(Option<i64>) -> Vec<ComplianceRow>;
    /// Writes a training list as .xlsx or .csv (by the path's extension); returns the rows written.
    training_export(TrainingExportRequest) -> usize;
}
