// A secondary entry point, like form-card: the shell imports the main one, so everything
// exported there is in the first bundle; the table and menu code these need loads with the
// pages that have tables.
export * from './table/row-actions.component';
export * from './table/actions-column.component';
export * from './table/table-rows.component';
