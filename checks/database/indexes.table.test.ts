import { judgementTable } from '../../test/helpers/judgement-table.js';
import check from './indexes.js';

judgementTable(check, [
  { scenario: 'every foreign key indexed', status: 'pass', message: /^all 2 foreign key\(s\) are covered by an index/ },
  { scenario: 'one foreign key unindexed', status: 'fail', message: '1 foreign key(s) without an index: Conversion(productId)' },
  { scenario: 'one foreign key unindexed', options: { unindexedForeignKeys: 'warn' }, status: 'warn', message: '1 foreign key(s) without an index: Conversion(productId)' },
]);
