// A secondary entry point: the shell imports the main one, so everything exported there is in
// the first bundle; the form card (and the Material card code it needs) loads with its pages.
export * from './form/form-card.component';
export * from './form/card-page.component';
