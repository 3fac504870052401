import { getDatabase } from '@/db';
import { USER_ROLES, type UserRole } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { assignRoleByEmail } from '../sessions';

const USAGE = `Usage: npm run user:role -- <email> <${USER_ROLES.join('|')}>`;

async function main() {
  const [email, role] = process.argv.slice(2);
  if (!email || !role) {
    console.error(USAGE);
    process.exit(2);
  }
  if (!(USER_ROLES as readonly string[]).includes(role)) {
    console.error(`Unknown role "${role}". ${USAGE}`);
    process.exit(2);
  }
  const handle = getDatabase();
  try {
    await handle.migrate();
    const result = await assignRoleByEmail(email, role as UserRole);
    console.log(
      result.created
        ? `Created an account for ${result.email} with the role ${role}. It signs in by email.`
        : `${result.email} is now ${role} (was ${result.previousRole}).`,
    );
    if (role !== 'member') {
      console.log('Its powers unlock once the account has added a passkey and confirmed it.');
    }
  } catch (error) {
    console.error(error instanceof AppError ? error.message : error);
    process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

await main();
