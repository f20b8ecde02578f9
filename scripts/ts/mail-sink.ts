// A local SMTP server for the demo: prints every email (and the links in it) to the console.
import { startSmtpSink } from '@mentorship/testing';

const port = Number(process.env['DEMO_SMTP_PORT'] ?? 1025);

async function main(): Promise<void> {
  const sink = await startSmtpSink({
    port,
    onMessage: (email) => {
      const unfolded = email.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      const subject = /^Subject: (.*)$/m.exec(unfolded)?.[1] ?? '(no subject)';
      const links = unfolded.match(/https?:\/\/\S+/g) ?? [];
      console.log(`\n[demo mail] to ${email.to.join(', ')}: ${subject}`);
      for (const link of links) console.log(`[demo mail]   ${link}`);
    },
  });
  console.log(`[demo mail] SMTP sink listening on ${sink.url}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
