// The office server through the real window: a throwaway PostgreSQL cluster
// holds a database filled by the CLI; the app started with --db on it lists
// the same distributors behind its login screen; finance posts entries,
// service is refused them (checked in core) and records a complaint; and
// Settings → Database tests the server and saves it as this PC's choice
// (into this run's own config folder).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Session, freePort, useDriver } from "./webdriver.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const work = mkdtempSync(path.join(tmpdir(), "dealerdesk-server-"));
// The app saves its database choice here, not in this machine's own config.
process.env.XDG_CONFIG_HOME = path.join(work, "config");
const pgDir = path.join(work, "pg");
const cli = path.join(root, "target/debug/dealerdesk-cli");
useDriver();

function run(cmd, args, env = {}) {
  return execFileSync(cmd, args, {
    encoding: "utf8",
    env: { ...process.env, DEALERDESK_DB: "", ...env },
  });
}

test("the app works on an office server and Settings → Database finds it", async () => {
  const port = await freePort();
  const admin = run(path.join(root, "scripts/pg.sh"), [
    "start",
    pgDir,
    String(port),
  ]).trim();
  try {
    run("psql", [admin, "-qAtc", "CREATE DATABASE office"]);
    const url = `postgres://postgres@127.0.0.1:${port}/office`;
    // A server always logs in: the first owner, then the CLI as them.
    run(
      cli,
      [
        "--db",
        url,
        "users",
        "add",
        "wang",
        "--name",
        "王会计",
        "--roles",
        "owner",
      ],
      {
        DEALERDESK_NEW_PASSWORD: "owner password 1",
      },
    );
    const as = {
      DEALERDESK_USER: "wang",
      DEALERDESK_PASSWORD: "owner password 1",
    };
    run(
      cli,
      [
        "--db",
        url,
        "demo-data",
        "--distributors",
        "8",
        "--entries-per-distributor",
        "5",
      ],
      as,
    );
    const listed = JSON.parse(
      run(cli, ["--db", url, "distributors", "list", "--json"], as),
    );
    assert.equal(listed.length, 8);

    for (const [login, name, roles] of [
      ["li", "李娜", "finance"],
      ["zhou", "周敏", "service"],
    ]) {
      run(
        cli,
        ["--db", url, "users", "add", login, "--name", name, "--roles", roles],
        {
          ...as,
          DEALERDESK_NEW_PASSWORD: `${login} password 1`,
        },
      );
    }
    const code = listed[0].code;
    const sheet = path.join(work, "entries.csv");
    writeFileSync(
      sheet,
      `distributor_code,date,doc_no,kind,amount\n${code},2026-04-08,INV-S1,invoice,1234.50\n`,
    );
    // What the server holds, exported by the owner through the CLI.
    const entries = () => {
      run(
        cli,
        ["--db", url, "ledger", "export", path.join(work, "check.csv")],
        as,
      );
      return readFileSync(path.join(work, "check.csv"), "utf8");
    };

    const s = await Session.open(["--db", url, "--today", "2026-04-10"]);
    try {
      // Nothing before logging in; a wrong password is named.
      await s.waitForElement("#login-screen");
      await s.screenshot("s0-login");
      await s.type("#login-name", "li");
      await s.type("#login-password", "not the password");
      await s.click("#login-submit");
      await s.waitFor(
        async () =>
          /错误|Wrong/.test(
            await s.exec(
              `return document.querySelector('#login-screen .ant-form-item-explain-error')?.innerText ?? ''`,
            ),
          ),
        "the wrong password named",
      );
      await s.screenshot("s0-login-refused");
      await s.logIn("li", "li password 1");
      assert.equal(await s.text("#operator-name"), "李娜");

      // Finance posts entries on the distributor's ledger.
      await s.exec(`window.location.hash = '#/distributors/' + arguments[0]`, [
        listed[0].id,
      ]);
      await s.click("#distributor-tabs-tab-ledger");
      await s.waitForElement("#ledger-table");
      await s.click("#ledger-import");
      await s.type("#ledger_import_path", sheet);
      await s.click("#ledger-import-confirm");
      await s.waitFor(
        async () => (await s.text("#ledger-table")).includes("INV-S1"),
        "the posted entry",
      );
      await s.screenshot("s0-finance-posted");
      await s.logOut();

      // Service may not post: the window offers no posting, and core refuses
      // it anyway, naming the role; then service records a complaint.
      await s.logIn("zhou", "zhou password 1");
      await s.exec(`window.location.hash = '#/distributors/' + arguments[0]`, [
        listed[0].id,
      ]);
      await s.click("#distributor-tabs-tab-ledger");
      await s.waitForElement("#ledger-table");
      assert.equal(
        await s.exec(
          `return !!document.querySelector('#ledger-import, #ledger-post')`,
        ),
        false,
      );
      await s.screenshot("s0-service-ledger");
      const refused = await s.invoke("ledger_post", {
        req: {
          distributor_id: listed[0].id,
          date: "2026-04-09",
          doc_no: "INV-S3",
          kind: "invoice",
          amount: "1.00",
          description: "",
          fapiao_no: "",
          due_date: "",
        },
      });
      assert.equal(refused.err?.kind, "forbidden");
      assert.deepEqual(refused.err.roles, ["owner", "finance"]);
      assert.ok(!entries().includes("INV-S3"), "nothing posted");
      await s.click("#nav-complaints");
      await s.click("#complaint-new");
      await s.type("#complaint_distributor_id", code);
      await s.click(
        `.ant-select-dropdown:not(.ant-select-dropdown-hidden) .distributor-option-${code}`,
      );
      await s.click("#complaint_priority label.priority-p2");
      await s.click("#complaint_category");
      await s.click(
        ".ant-select-dropdown:not(.ant-select-dropdown-hidden) .category-option-quality",
      );
      await s.type("#complaint_product", "电饭煲 MB-40");
      await s.type("#complaint_description", "内胆涂层脱落");
      await s.type("#complaint_received_at", "2026-04-09 09:00");
      await s.click("#complaint-save");
      await s.waitForElement("#complaint-status");
      await s.screenshot("s0-service-complaint");
      assert.match(await s.text("#complaint-number"), /^TS-/);
      await s.logOut();
      await s.logIn("wang", "owner password 1");

      await s.navigate("#nav-distributors", "#distributor-table");
      await s.waitFor(
        async () =>
          (await s.exec(
            `return document.querySelectorAll('#distributor-table tbody tr[data-row-key]').length`,
          )) === 8,
        "the server database’s eight distributors",
      );
      const first = listed[0].name;
      assert.ok((await s.text("#distributor-table")).includes(first));

      // Settings → Database says where the data is, and that --db chose it.
      await s.navigate("#nav-settings", "#settings-sections");
      // Opened by its address.
      await s.exec(`location.hash = '#/settings?section=database'`);
      await s.waitForElement("#database-current");
      assert.equal(await s.text("#database-current"), url);
      assert.ok((await s.text("#database-card")).includes("--db"));
      await s.screenshot("s1-database-settings");

      await s.click("#database-kind-server");
      await s.type("#database-host", "127.0.0.1");
      await s.type("#database-port", String(port));
      await s.type("#database-name", "office");
      await s.type("#database-user", "postgres");
      await s.click("#database-test");
      await s.waitForElement("#database-probe");
      assert.equal(
        await s.exec(
          `return document.getElementById('database-probe').dataset.holds`,
        ),
        "dealerdesk",
      );
      assert.match(await s.text("#database-probe"), /PostgreSQL 1\d/);
      await s.screenshot("s2-database-tested");

      // A field the server cannot use is named, nothing saved.
      await s.type("#database-host", "office pc");
      await s.click("#database-save");
      await s.waitFor(
        async () =>
          (await s.exec(
            `return document.getElementById('database-host').closest('.ant-form-item').querySelector('.ant-form-item-explain-error')?.innerText ?? ''`,
          )) !== "",
        "the host refused",
      );
      const saved = path.join(
        process.env.XDG_CONFIG_HOME,
        "DealerDesk",
        "connection.json",
      );
      assert.equal(existsSync(saved), false);
      await s.type("#database-host", "127.0.0.1");
      await s.click("#database-save");
      await s.waitForElement("#database-restart");
      const choice = JSON.parse(readFileSync(saved, "utf8"));
      assert.deepEqual(choice, {
        kind: "server",
        host: "127.0.0.1",
        port,
        database: "office",
        user: "postgres",
        require_tls: false,
      });
      assert.ok(!readFileSync(saved, "utf8").includes("password"));
      await s.screenshot("s3-database-saved");
    } finally {
      await s.close();
    }

    // Started without --db, the window opens on the saved server.
    const again = await Session.open(["--today", "2026-04-10"]);
    try {
      await again.logIn("wang", "owner password 1");
      await again.navigate("#nav-settings", "#settings-sections");
      // Opened by its address.
      await again.exec(`location.hash = '#/settings?section=database'`);
      await again.waitForElement("#database-current");
      assert.equal(
        await again.text("#database-current"),
        `postgres://postgres@127.0.0.1:${port}/office?sslmode=prefer`,
      );
      await again.navigate("#nav-distributors", "#distributor-table");
      await again.waitFor(
        async () =>
          (await again.exec(
            `return document.querySelectorAll('#distributor-table tbody tr[data-row-key]').length`,
          )) === 8,
        "the saved server’s distributors",
      );
      // Another program adds a distributor: the open list shows it without
      // a reload (the window polls the newest audit entry every 5 s).
      const one = path.join(work, "one.csv");
      writeFileSync(
        one,
        "code,name,uscc,contact_name,contact_phone,province,city,address\n" +
          "NEW1,新加经销商有限公司,91110000802100433B,王伟,13812345678,上海市,上海市,浦东新区张江路 88 号\n",
      );
      run(cli, ["--db", url, "distributors", "import", one], as);
      await again.waitFor(
        async () =>
          (await again.exec(
            `return document.querySelectorAll('#distributor-table tbody tr[data-row-key]').length`,
          )) === 9,
        "the distributor another program added",
        20_000,
      );
      assert.ok((await again.text("#distributor-table")).includes("NEW1"));
    } finally {
      await again.close();
    }
  } finally {
    run(path.join(root, "scripts/pg.sh"), ["stop", pgDir]);
  }
});
