import { judgementTable } from '../../test/helpers/judgement-table.js';
import check from './s3-budget-alerts.js';

judgementTable(check, [
  { scenario: 's3 budget with an alert', status: 'pass', message: 'budget s3-monthly of 50.0 USD monthly covers S3 with 1 alert(s) to 1 subscriber(s)' },
  { scenario: 'budget for another service', status: 'fail', message: 'no cost budget covers S3: ec2 filter other services' },
  { scenario: 'budgets denied', status: 'error', message: 'cannot verify with these credentials: needs budgets:ViewBudget' },
  { scenario: 's3 budget narrowed by region', status: 'warn', message: /covers only part of S3's spend/ },
]);
