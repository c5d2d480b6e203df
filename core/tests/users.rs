//! Users and logging in, on either engine: the first user is an owner, then
//! only an owner manages users; passwords are Argon2id hashes; five wrong
//! passwords lock the login for a while; the last owner stays.
mod common;

use chrono::Duration;
use common::{actor, codes, fresh};
use dealerdesk_core::users::{self, Role, Scope, UserInput};
use dealerdesk_core::AppError;
use sea_orm::ConnectionTrait;

fn input(login: &str, roles: &[Role]) -> UserInput {
    UserInput {
        login: login.into(),
        display_name: format!("{login} 名"),
        password: "correct horse 1".into(),
        roles: roles.to_vec(),
        scope: None,
    }
}

fn forbidden(e: AppError) -> Vec<String> {
    match e {
        AppError::Forbidden { roles, .. } => roles,
        other => panic!("expected forbidden, got {other:?}"),
    }
}

#[tokio::test]
async fn the_first_user_is_an_owner_and_only_owners_add_users() {
    let (_dir, db) = fresh().await;
    assert_eq!(
        users::login_required(&db).await.unwrap(),
        common::on_server()
    );
    let owner = users::add(&db, &actor(), None, &input("Zhang", &[Role::Finance]))
        .await
        .unwrap();
    assert_eq!(owner.login, "zhang");
    assert_eq!(owner.roles, [Role::Owner, Role::Finance]);
    assert!(users::login_required(&db).await.unwrap());

    // Nobody logged in, or someone who is not an owner: refused, naming the role.
    let e = users::add(&db, &actor(), None, &input("li", &[Role::Service]))
        .await
        .unwrap_err();
    assert_eq!(forbidden(e), ["owner"]);
    let mut finance = input("wang", &[Role::Finance]);
    finance.scope = Some(Scope::Region {
        region: "华东".into(),
    });
    let wang = users::add(&db, &actor(), Some(&owner), &finance)
        .await
        .unwrap();
    assert_eq!(
        wang.scope,
        Scope::Region {
            region: "华东".into()
        }
    );
    let e = users::add(&db, &actor(), Some(&wang), &input("li", &[Role::Service]))
        .await
        .unwrap_err();
    assert_eq!(forbidden(e), ["owner"]);

    // Bad fields are named; a login is taken once.
    let bad = UserInput {
        login: "a b".into(),
        display_name: " ".into(),
        password: "short".into(),
        roles: vec![],
        scope: None,
    };
    let e = users::add(&db, &actor(), Some(&owner), &bad)
        .await
        .unwrap_err();
    assert_eq!(
        codes(&e),
        [
            ("login".to_string(), "code_chars".to_string()),
            ("display_name".to_string(), "required".to_string()),
            ("password".to_string(), "password_short".to_string()),
            ("roles".to_string(), "required".to_string()),
        ]
    );
    let e = users::add(&db, &actor(), Some(&owner), &input("WANG", &[Role::Viewer]))
        .await
        .unwrap_err();
    assert!(matches!(e, AppError::Conflict { .. }), "{e:?}");
    assert_eq!(users::list(&db).await.unwrap().len(), 2);

    // The hash is Argon2id; the password is nowhere in the row.
    let row = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            "SELECT password_hash FROM app_user WHERE login = 'wang'",
        ))
        .await
        .unwrap()
        .unwrap();
    let hash: String = row.try_get_by_index(0).unwrap();
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(!hash.contains("correct horse"));
}

#[tokio::test]
async fn five_wrong_passwords_lock_the_login_for_a_while() {
    let (_dir, db) = fresh().await;
    let now = chrono::Utc::now();
    users::add(&db, &actor(), None, &input("zhang", &[]))
        .await
        .unwrap();
    assert_eq!(
        users::login(&db, "Zhang", "correct horse 1", now)
            .await
            .unwrap()
            .login,
        "zhang"
    );
    for _ in 0..2 {
        let e = users::login(&db, "zhang", "wrong", now).await.unwrap_err();
        assert_eq!(
            codes(&e),
            [("password".to_string(), "login_failed".to_string())]
        );
    }
    // A right password clears the count: five more wrong ones are needed.
    users::login(&db, "zhang", "correct horse 1", now)
        .await
        .unwrap();
    for _ in 0..users::MAX_FAILED {
        users::login(&db, "zhang", "wrong", now).await.unwrap_err();
    }
    let e = users::login(&db, "zhang", "correct horse 1", now)
        .await
        .unwrap_err();
    assert_eq!(
        codes(&e),
        [("password".to_string(), "login_locked".to_string())]
    );
    let later = now + Duration::minutes(users::LOCK_MINUTES + 1);
    users::login(&db, "zhang", "correct horse 1", later)
        .await
        .unwrap();
    // An unknown login fails the same way as a wrong password.
    let e = users::login(&db, "nobody", "correct horse 1", later)
        .await
        .unwrap_err();
    assert_eq!(
        codes(&e),
        [("password".to_string(), "login_failed".to_string())]
    );
}

#[tokio::test]
async fn passwords_change_and_reset_and_the_last_owner_stays() {
    let (_dir, db) = fresh().await;
    let now = chrono::Utc::now();
    let owner = users::add(&db, &actor(), None, &input("zhang", &[]))
        .await
        .unwrap();
    let wang = users::add(
        &db,
        &actor(),
        Some(&owner),
        &input("wang", &[Role::Finance]),
    )
    .await
    .unwrap();

    let e = users::change_password(&db, &actor(), &wang, "not it", "new password 2")
        .await
        .unwrap_err();
    assert_eq!(
        codes(&e),
        [("current".to_string(), "login_failed".to_string())]
    );
    users::change_password(&db, &actor(), &wang, "correct horse 1", "new password 2")
        .await
        .unwrap();
    users::login(&db, "wang", "correct horse 1", now)
        .await
        .unwrap_err();
    users::login(&db, "wang", "new password 2", now)
        .await
        .unwrap();

    let e = users::reset_password(&db, &actor(), Some(&wang), "zhang", "taken over 3")
        .await
        .unwrap_err();
    assert_eq!(forbidden(e), ["owner"]);
    users::reset_password(&db, &actor(), Some(&owner), "wang", "from the owner 4")
        .await
        .unwrap();
    users::login(&db, "wang", "from the owner 4", now)
        .await
        .unwrap();

    let e = users::disable(&db, &actor(), Some(&owner), "zhang")
        .await
        .unwrap_err();
    assert_eq!(codes(&e), [("login".to_string(), "last_owner".to_string())]);
    let gone = users::disable(&db, &actor(), Some(&owner), "wang")
        .await
        .unwrap();
    assert!(gone.disabled);
    let e = users::login(&db, "wang", "from the owner 4", now)
        .await
        .unwrap_err();
    assert_eq!(
        codes(&e),
        [("password".to_string(), "login_failed".to_string())]
    );
    assert_eq!(users::active_count(&db).await.unwrap(), 1);
}
