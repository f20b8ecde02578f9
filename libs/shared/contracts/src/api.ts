// Request and response shapes of the HTTP API, shared by the API and the admin app.
// They are the types generated from the API's own OpenAPI document (`npm run openapi`
// writes openapi.generated.ts; a test fails when it is stale), under stable names. The
// API's DTO classes implement them, so a change on either side fails the type check.
import type { components, paths } from './openapi.generated';

type Schemas = components['schemas'];

export type UserView = Schemas['UserViewDto'];
export type SessionView = Schemas['SessionViewDto'];
export type SignUpRequest = Schemas['SignUpDto'];
export type SignInRequest = Schemas['SignInDto'];
export type RefreshRequest = Schemas['RefreshDto'];
export type PasswordResetRequest = Schemas['PasswordResetRequestDto'];
export type ConfirmPasswordResetRequest = Schemas['ConfirmPasswordResetDto'];
export type ChangePasswordRequest = Schemas['ChangePasswordDto'];
export type UpdateMeRequest = Schemas['UpdateMeDto'];
export type OrganizationView = Schemas['OrganizationViewDto'];
export type OrganizationList = Schemas['OrganizationListDto'];
export type CreateOrganizationRequest = Schemas['CreateOrganizationDto'];
export type RenameOrganizationRequest = Schemas['RenameOrganizationDto'];
export type ScheduleOrganizationDeletionRequest = Schemas['ScheduleOrganizationDeletionDto'];
export type OrganizationDeletion = Schemas['OrganizationDeletionDto'];
export type MemberView = Schemas['MemberViewDto'];
export type MemberPage = Schemas['MemberPageDto'];
export type ChangeMemberRolesRequest = Schemas['RolesDto'];
export type InviteMemberRequest = Schemas['InviteMemberDto'];
export type InvitationView = Schemas['InvitationViewDto'];
export type InvitationPage = Schemas['InvitationPageDto'];
export type AcceptInvitationRequest = Schemas['AcceptInvitationDto'];
export type InvitationPreview = Schemas['InvitationPreviewDto'];
export type InvitationPreviewRequest = Schemas['InvitationPreviewRequestDto'];
export type ErrorBodyView = Schemas['ErrorBodyDto'];

// people: the skills catalogue and profiles
export type SkillView = Schemas['SkillViewDto'];
export type SkillPage = Schemas['SkillPageDto'];
export type CreateSkillRequest = Schemas['CreateSkillDto'];
export type UpdateSkillRequest = Schemas['UpdateSkillDto'];
export type MergeSkillRequest = Schemas['MergeSkillDto'];
export type SkillMergeResult = Schemas['SkillMergeResultDto'];
export type SkillImportReport = Schemas['SkillImportReportDto'];
export type ProfileView = Schemas['ProfileViewDto'];
export type ProfilePage = Schemas['ProfilePageDto'];
export type UpdateProfileRequest = Schemas['UpdateProfileDto'];
export type AvailabilitySlotView = Schemas['AvailabilitySlotDto'];
export type SkillListQuery = NonNullable<paths['/api/v1/orgs/{orgId}/skills']['get']['parameters']['query']>;
export type ProfileListQuery = NonNullable<
  paths['/api/v1/orgs/{orgId}/profiles']['get']['parameters']['query']
>;

// programs: programs and cohorts
export type ProgramView = Schemas['ProgramViewDto'];
export type ProgramPage = Schemas['ProgramPageDto'];
export type ProgramSettingsView = Schemas['ProgramSettingsDto'];
export type CriteriaView = Schemas['CriteriaViewDto'];
export type CreateProgramRequest = Schemas['CreateProgramDto'];
export type UpdateProgramRequest = Schemas['UpdateProgramDto'];
export type ProgramSettingsRequest = Schemas['ProgramSettingsInputDto'];
export type CohortView = Schemas['CohortViewDto'];
export type CohortPage = Schemas['CohortPageDto'];
export type CreateCohortRequest = Schemas['CreateCohortDto'];
export type UpdateCohortRequest = Schemas['UpdateCohortDto'];
export type CohortTransitionRequest = Schemas['CohortTransitionDto'];
export type ProgramListQuery = NonNullable<
  paths['/api/v1/orgs/{orgId}/programs']['get']['parameters']['query']
>;
export type CohortListQuery = NonNullable<
  paths['/api/v1/orgs/{orgId}/cohorts']['get']['parameters']['query']
>;
export type OwnParticipationView = Schemas['OwnParticipationDto'];
export type ParticipantView = Schemas['ParticipantViewDto'];
export type ParticipantPage = Schemas['ParticipantPageDto'];
export type InviteParticipantRequest = Schemas['InviteParticipantDto'];
export type ApplyRequest = Schemas['ApplyDto'];
export type WaitlistPage = Schemas['WaitlistPageDto'];
export type CohortCapacityView = Schemas['CohortCapacityDto'];
export type RosterQuery = NonNullable<
  paths['/api/v1/orgs/{orgId}/cohorts/{cohortId}/participants']['get']['parameters']['query']
>;
export type ParticipantImportView = Schemas['ParticipantImportViewDto'];
export type ParticipantImportPage = Schemas['ParticipantImportPageDto'];
export type ImportRowView = Schemas['ImportRowViewDto'];
export type ImportRowPage = Schemas['ImportRowPageDto'];
export type ImportRowQuery = NonNullable<
  paths['/api/v1/orgs/{orgId}/cohorts/{cohortId}/imports/{importId}/rows']['get']['parameters']['query']
>;

// matching: bulk matching rounds
export type StartRoundRequest = Schemas['StartRoundDto'];
export type RerunRoundRequest = Schemas['RerunRoundDto'];
export type DryRunRequest = Schemas['DryRunDto'];
export type RoundPairView = Schemas['RoundPairDto'];
export type RoundView = Schemas['RoundViewDto'];
export type RoundPage = Schemas['RoundPageDto'];
export type RoundDiffView = Schemas['RoundDiffDto'];
export type DryRunView = Schemas['DryRunViewDto'];
export type UnmatchedMenteeView = Schemas['UnmatchedMenteeDto'];
export type MentorLoadView = Schemas['MentorLoadDto'];
export type PersonNameView = Schemas['PersonNameDto'];
export type ProposalView = Schemas['ProposalViewDto'];
export type ProposalComponentView = Schemas['ProposalComponentDto'];
export type ProposalPage = Schemas['ProposalPageDto'];
export type ProposalListQuery = NonNullable<
  paths['/api/v1/orgs/{orgId}/matching-rounds/{roundId}/proposals']['get']['parameters']['query']
>;

/** Query parameters of the member list, as the API documents them. */
export type MemberListQuery = NonNullable<
  paths['/api/v1/orgs/{orgId}/members']['get']['parameters']['query']
>;

/** Query parameters of the invitation list, as the API documents them (`status` filter included). */
export type InvitationListQuery = NonNullable<
  paths['/api/v1/orgs/{orgId}/invitations']['get']['parameters']['query']
>;
export type InvitationStatus = InvitationView['status'];

export type { components, paths };
export type NotificationView = Schemas['NotificationViewDto'];
export type NotificationPage = Schemas['NotificationPageDto'];
export type NotificationPreference = Schemas['NotificationPreferenceDto'];
export type NotificationPreferences = Schemas['NotificationPreferencesDto'];
export type EmailDeliveryView = Schemas['EmailDeliveryViewDto'];
export type EmailDeliveryPage = Schemas['EmailDeliveryPageDto'];
export type EmailDeliveryStatus = EmailDeliveryView['status'];

export type SuggestionList = Schemas['SuggestionListDto'];
export type SuggestedMentor = Schemas['SuggestedMentorDto'];
export type ScoreComponentView = Schemas['ScoreComponentDto'];
export type SendMatchRequestRequest = Schemas['SendMatchRequestDto'];
export type DeclineMatchRequestRequest = Schemas['DeclineMatchRequestDto'];
export type MatchRequestView = Schemas['MatchRequestViewDto'];
export type MatchRequestPage = Schemas['MatchRequestPageDto'];
export type ReceivedMatchRequestPage = Schemas['ReceivedMatchRequestPageDto'];
export type MentorPlacesView = Schemas['MentorPlacesDto'];
export type MatchRequestListQuery = NonNullable<
  paths['/api/v1/orgs/{orgId}/match-requests/sent']['get']['parameters']['query']
>;

export type MatchView = Schemas['MatchViewDto'];
export type MatchDetail = Schemas['MatchDetailDto'];
export type MatchEventView = Schemas['MatchEventViewDto'];
export type MatchPage = Schemas['MatchPageDto'];
export type MatchActionRequest = Schemas['MatchActionDto'];
export type TrialView = Schemas['TrialViewDto'];
export type TrialSideAnswer = Schemas['TrialSideAnswerDto'];
export type TrialAnswerRequest = Schemas['TrialAnswerDto'];
export type AgreementView = Schemas['AgreementViewDto'];
export type AgreementTerms = Schemas['AgreementTermsViewDto'];
export type EditAgreementRequest = Schemas['EditAgreementDto'];
export type SignedAgreementVersion = Schemas['SignedAgreementVersionDto'];
export type MapView = Schemas['MapViewDto'];
export type MilestoneView = Schemas['MilestoneViewDto'];
export type MapFlagView = Schemas['MapFlagDto'];
export type MapVersion = Schemas['MapVersionDto'];
export type MapPerson = Schemas['MapPersonDto'];
export type MapHelperInput = Schemas['MapHelperDto'];
export type SaveMapRequest = Schemas['SaveMapDto'];
export type MilestoneInput = Schemas['MilestoneInputDto'];
export type CheckInView = Schemas['CheckInViewDto'];
export type CheckInPage = Schemas['CheckInPageDto'];
export type LogCheckInRequest = Schemas['LogCheckInDto'];
export type NotebookEntryView = Schemas['NotebookEntryViewDto'];
export type NotebookEntryRequest = Schemas['NotebookEntryInputDto'];
export type PlannedMeetingView = Schemas['PlannedMeetingViewDto'];
export type PlanMeetingRequest = Schemas['PlanMeetingDto'];
export type PulseView = Schemas['PulseViewDto'];
export type PulseAnswerRequest = Schemas['PulseInputDto'];
export type CohortSurveyView = Schemas['CohortSurveyViewDto'];
export type CohortSurveyRequest = Schemas['SurveyInputDto'];
export type NotebookPage = Schemas['NotebookPageDto'];
export type NeedsAttentionItem = Schemas['NeedsAttentionItemDto'];
export type NeedsAttentionPage = Schemas['NeedsAttentionPageDto'];
export type CohortFeedback = Schemas['CohortFeedbackDto'];
export type PersonalBoard = Schemas['PersonalBoardDto'];
export type BoardType = Schemas['BoardTypeDto'];
export type BoardMentor = Schemas['BoardMentorDto'];
export type ExitSurveyView = Schemas['ExitSurveyViewDto'];
export type ExitSurveyRequest = Schemas['ExitSurveyInputDto'];
