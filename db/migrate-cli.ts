import { getDatabase } from './index';

const handle = getDatabase();
console.log(`Migrating the ${handle.description} ...`);
await handle.migrate();
console.log('Migrations applied.');
await handle.close();
