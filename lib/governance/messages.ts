/**
 * The message catalogue: every refusal a person can meet, keyed by a stable code. Code and
 * tests speak in codes; the words live only here, so a translation is one more catalogue of
 * the same keys. Placeholders are `{name}`, filled by `formatMessage`.
 *
 * Codes are `area.what` in snake case and never change once released (API clients and tests
 * rely on them); the wording may.
 */
export const messages = {
  'rule.refused': '{reason}',
  'organization.not_found': 'This organization no longer exists.',
  'membership.already_member': '{email} is already a member of {organization}.',
  'membership.not_member': 'That person is not a member of this organization.',
  'membership.self_not_member': 'You are not a member of this organization.',
  'witness.name_taken': 'A witness named {name} is already registered. Remove it first to replace its key.',
  'witness.not_registered': 'That witness is not registered with this organization (any more).',
  // use cases
  'charter.invalid': 'The charter is not valid: {errors}',
  'charter.missing': 'This organization has no charter yet.',
  'seat.not_found': 'That seat does not exist in this organization.',
  'seat.not_holder': 'You can only resign a seat you hold.',
  'seat.holder_not_member': '{name} is not a member of this organization, so they cannot hold a seat.',
  'seat.holder_observer': '{name} is an observer; observers cannot vote, so they cannot hold a seat.',
  'seat.holder_observer_change_role': '{name} is an observer; observers cannot vote, so they cannot hold a seat. Change their role first.',
  'proposal.not_found': 'That proposal does not exist in this organization.',
  'proposal.type_unknown': 'Choose a proposal type from the charter.',
  'proposal.subject_required': 'A {type} must name its subject.',
  'proposal.subject_not_allowed': 'A {type} has no subject.',
  'proposal.subject_not_member': 'The subject must be a member of this organization.',
  'proposal.emergency_not_allowed': 'The charter allows no emergency procedure for a {type}.',
  'proposal.revise_not_allowed':
    'Only the author can revise, and only before voting, or while objections are open on a decision by consent (the proposal is {phase}).',
  'proposal.publish_not_allowed': 'Only the author can publish a draft (the proposal is {phase}).',
  'proposal.withdraw_not_allowed': 'Only the author can withdraw, and only before voting opens (the proposal is {phase}).',
  'amendment.charter_required': 'A charter amendment must include the proposed charter.',
  'amendment.charter_invalid': 'The proposed charter is not valid: {errors}',
  'appointment.seat_required': 'Choose the seat this proposal is about.',
  'appointment.appointee_required': 'Choose a member to appoint.',
  'appointment.seat_gone': 'The seat this appointment fills no longer exists.',
  'appointment.seat_taken': 'Seat {position} is no longer vacant: someone was appointed to it meanwhile.',
  'appointment.body_unknown': 'This seat belongs to a body the charter does not define.',
  'appointment.appointee_missing': 'An appointment must name the person appointed.',
  'appointment.nothing_to_declare': 'This proposal fills no seat with a class requirement; there is nothing to declare.',
  'appointment.declarer_not_appointee': 'Only the person this proposal appoints can make the declaration.',
  'appointment.declaration_before_publication': 'The declaration is made once the proposal is published.',
  'appointment.declaration_after_voting': 'The declaration is made before voting opens.',
  'appointment.already_declared': 'You have already made this declaration.',
  'ratification.target_required': 'Choose the emergency decision this proposal ratifies from the list.',
  'emergency.not_requested': 'This proposal did not ask for the emergency procedure.',
  'emergency.not_in_discussion': 'An emergency motion can be backed only while the proposal is in discussion.',
  'emergency.already_approved': 'The emergency motion has already passed.',
  'emergency.not_seat_holder': 'Only holders of a {body} seat can back the emergency motion.',
  'emergency.already_backed': 'You have already backed this emergency motion.',
  'comment.parent_not_on_proposal': 'The comment you are replying to is not on this proposal.',
  'comment.not_on_proposal': 'That comment is not on this proposal.',
  'voting.open_not_allowed': 'Only a secretary or admin can open voting (the proposal is {phase}).',
  'voting.cannot_open': 'Voting cannot be opened: the proposal is {phase}.',
  'voting.not_open': 'Voting is not open: the proposal is {phase}.',
  'voting.not_open_yet': 'Voting is not open. {reason}',
  'voting.result_recorded': 'Voting has closed: the result has already been recorded.',
  'voting.not_seat_holder': 'Only holders of a {body} seat vote at this stage.',
  'voting.not_on_roll': 'You are not on the roll of this vote: the {body} votes by the members of its electorate when voting opened.',
  'recusal.not_seat_holder': 'Only holders of a deciding seat can recuse themselves.',
  'recusal.already_recused': 'You have already recused yourself from this proposal.',
  // rules
  'comment.not_author': 'Only the author of a comment can {change} it.',
  'comment.deleted': 'This comment has been deleted.',
  'comment.edit_closed': 'Comments can be edited only while the proposal is open for comments.',
  'comment.delete_closed': 'Comments can be deleted only while the proposal is open for comments.',
  'comment.reply_kept': 'Your right-of-reply statement stays on the record; you can still edit it while comments are open.',
  'comment.unchanged': 'The text is the same as before: nothing to save.',
  'seat.wrong_body': 'This seat is not a seat of the body "{body}".',
  'seat.appointee_missing': 'An appointment must name the person appointed.',
  'seat.held': 'Only a vacant seat can be filled; this seat is held. Removing its holder takes a removal proposal.',
  'seat.appointee_holds_seat': 'This person already holds a seat in this body; one person holds one seat.',
  'seat.removal_subject_missing': 'A removal must name the person removed as its subject.',
  'seat.not_held_by_subject': 'This seat is not held by the subject of the removal.',
  'seat.no_seat_effect': 'This kind of proposal does not change seats.',
  'seat.wrong_stage_body': 'This seat belongs to the {seatBody}; this stage is decided by the {stageBody}.',
  'seat.vacant': 'This seat is vacant.',
  'seat.not_holder_to_act': 'Only the holder of a seat can act with it.',
  'emergency.not_available': 'A {type} has no emergency procedure; its comment window cannot be shortened.',
  'emergency.wrong_body': 'An emergency motion for this type is decided by the body of its first stage, not the {body}.',
  'emergency.motion_short': 'The emergency motion needs {needed} of the {body}’s {charterSeats} charter seats ({ratio}); it has {yes}.',
  'ratification.emergency_type':
    'An emergency decision is ratified by a normal proposal with the full comment window; a {type} under the emergency procedure cannot ratify it.',
  'ratification.not_emergency': 'Only an emergency decision needs ratification; the proposal chosen was not decided under the emergency procedure.',
  'ratification.lapsed': 'That emergency decision lapsed on {at}: it was not ratified in time and can no longer be ratified.',
  'ratification.not_passed': 'Only an emergency decision that has passed can be ratified; the proposal chosen has not passed.',
  'ratification.already_ratified': 'That emergency decision has already been ratified.',
  'founding.admin_only': 'Only an admin can make founding appointments.',
  'founding.closed': 'Founding appointments closed when the first proposal was published. Seats now change only by proposal or resignation.',
  'founding.seat_held': 'That seat is already held.',
  'founding.not_voting_member': 'Only members of the organization who may vote can hold a seat (observers cannot). Invite them first, or change their role.',
  'founding.one_seat_per_body': 'That person already holds a seat in this body; one person holds one seat per body.',
  'founding.close_unconfirmed':
    'Publishing the first proposal closes founding appointments: {vacant} still vacant and will then be filled by appointment proposals. Tick “I understand” to publish. Nothing was published.',
  'proposal.observer_cannot_act': 'Observers cannot vote, recuse, back motions or comment, even when they hold a seat. Ask an admin to make you a member.',
  'proposal.edit_not_allowed':
    'Only the author can revise, and only before voting, or while objections are open on a decision by consent (the proposal is {phase}).',
  'proposal.comment_not_allowed': 'Comments are open to members while the proposal is under discussion or vote (the proposal is {phase}).',
  'proposal.reply_not_allowed': 'Only the subject of this proposal can post the reply, before voting (the proposal is {phase}).',
  'proposal.vote_not_allowed': 'Only members holding a seat in the deciding body vote, while its vote is open (the proposal is {phase}).',
  'proposal.recuse_not_allowed': 'Only members holding a seat in the deciding body can recuse themselves, before the vote closes (the proposal is {phase}).',
  'proposal.open_voting_not_allowed': 'Only a secretary or admin can open voting (the proposal is {phase}).',
  'proposal.back_emergency_not_allowed':
    'Only members holding a seat in the first deciding body can back the emergency motion, while the proposal is in discussion (the proposal is {phase}).',
  'proposal.withdrawn_on': 'This proposal was withdrawn on {at}.',
  'amendment.removes_held_body':
    'The amendment removes the body "{body}", but its seat {position} is held. Seat holders leave by removal or resignation first.',
  'amendment.retires_held_seats': 'The amendment gives the {body} {charterSeats} seats, but {held} are held. Only vacant seats can be retired.',
  'amendment.class_minimum_unreachable':
    'The amendment requires {minimum} {seatClass} seats in the {body}, but there are not enough vacant seats of another class to reclassify. Add seats or lower the minimum.',
  'role.change_admin_only': 'Only an admin of this organization can change roles.',
  'role.unchanged': 'This member is already {article} {role}.',
  'role.last_admin': 'This is the only admin. Make someone else an admin first, so the organization is never left without one.',
  'role.seat_holder_to_observer':
    'This member holds a seat, and observers cannot vote. The seat must be vacated first (by their resignation or a removal proposal).',
  'membership.invite_admin_only': 'Only an admin of this organization can invite members.',
  'membership.remove_admin_only': 'Only an admin of this organization can remove members.',
  'membership.remove_self': 'To leave the organization yourself, use “Leave this organization”.',
  'membership.remove_last_admin': 'This is the only admin. Make someone else an admin first.',
  'membership.remove_seat_holder':
    'This member holds {seats}. A seat holder stays a member until the seat is theirs no more: propose their removal from the seat, or ask them to resign it first.',
  'membership.leave_last_admin': 'You are the only admin. Make someone else an admin first, so the organization is never left without one.',
  'membership.leave_seat_holder': 'You hold {seats}. Resign {them} on the Seats page first, so the vacancy is on the record, then leave.',
  'membership.group_admin_only': 'Only an admin of this organization can change a member’s stakeholder group.',
  'membership.group_invalid':
    'A stakeholder group is 1 to {max} characters: letters, digits, and single spaces or hyphens between them (e.g. “residents”). Leave it empty for no group.',
  'membership.group_unchanged': 'This member is already in the “{group}” group.',
  'membership.group_unchanged_none': 'This member is in no stakeholder group already.',
  'membership.weight_invalid': 'A member’s weight is a whole number from 0 to {max}.',
  'membership.weight_unchanged': 'This member’s weight is already {weight}: the proposal would change nothing.',
  'proposal.weight_required': 'Enter the member’s new weight: a whole number.',
  'proposal.weight_not_allowed': 'A {type} changes no member’s weight: only a type with the membership-weight effect does.',
  'organization.profile_admin_only': 'Only an admin of this organization can change its profile.',
  'seat_class.declaration_missing':
    'This seat is reserved for the “{seatClass}” class: the appointment must carry the appointee’s declaration that they qualify.',
  'seat_class.not_employee':
    'This seat is reserved for an employee representative, but the appointee’s membership is recorded in the “{group}” group, not as an employee.',
  'seat_class.declaration_pending':
    'This seat is reserved for the “{seatClass}” class: the appointee has not yet made their declaration on the proposal page. Voting waits for it.',
  'vacancy.not_appointment': 'This kind of proposal does not fill seats.',
  'vacancy.not_own_body': 'The {body} does not fill its own vacancies.',
  'vacancy.not_own_body_filled_by': 'The {body} does not fill its own vacancies; the {filler} does.',
  'vacancy.filler_while_empty_one':
    'The {filler} fills vacancies of the {body} only while nobody holds a seat of it; {inOffice} person holds one and the {body} fills its own vacancies.',
  'vacancy.filler_while_empty_many':
    'The {filler} fills vacancies of the {body} only while nobody holds a seat of it; {inOffice} people hold one and the {body} fills its own vacancies.',
  'vacancy.wrong_filler': 'Vacancies of the {body} are filled by {fillers}, not by the {deciding}.',
  'vacancy.one_seat_per_body': '{person} already holds {seat} of the {body}; one person holds one seat per body.',
  'voting.no_such_stage': 'This proposal type has {count} voting stage(s); there is no stage {stage}.',
  'voting.no_stage': 'This proposal type has no stage {stage}.',
  'voting.strength_unknown': 'The seat count of the {body} is not known, so it cannot be checked that it is at strength for a critical decision.',
  'voting.below_strength':
    'The {body} is below strength: {filled} of {charterSeats} charter seats filled; critical decisions need {needed}. Fill the vacancies first.',
  'voting.class_shortfall':
    'The {body} is short of {seatClass} seats: {filled} filled, the charter requires {required}, and its shortfalls block critical decisions. Fill those seats first.',
  'voting.draft': 'This proposal is still a draft. Publish it first: voting can open only after its comment window.',
  'voting.comment_window': 'Voting opens on {at} — the comment window is {hours} and cannot be shortened.',
  'voting.comment_window_extended':
    'Voting opens on {at} — the comment window is {hours} and cannot be shortened. It was extended after a late substantive revision.',
  'voting.emergency_window': 'Voting opens on {at} — the emergency comment window is {hours} and cannot be shortened.',
  'voting.emergency_window_extended':
    'Voting opens on {at} — the emergency comment window is {hours} and cannot be shortened. It was extended after a late substantive revision.',
  'voting.awaiting_reply': 'Waiting for the subject’s reply until {at}: the person this proposal concerns is heard before anyone votes.',
  'voting.awaiting_answers':
    'Voting cannot open yet: {count} concern(s) or objection(s) raised in the comment window still need a public answer from the author.',
  'voting.earlier_stage_pending': 'Stage {stage} opens only after stage {previous} ({body}) has voted and passed.',
  'voting.stage_decided': 'Stage {stage} has already been decided.',
  'voting.already_open': 'Voting is already open for this stage, until {at}.',
  'voting.earlier_stage_voting': 'Stage {stage} ({body}) is still voting until {at}.',
  'voting.decided': 'This proposal has been decided; its voting cannot be reopened.',
  'ballot.draft': 'This proposal is still a draft.',
  'ballot.comment_window': 'Voting has not opened: the comment window runs until {at}.',
  'ballot.awaiting_reply': 'Voting has not opened: the subject may reply until {at}.',
  'ballot.awaiting_answers': 'Voting has not opened: {count} concern(s) or objection(s) still need the author’s answer.',
  'ballot.stage_not_opened': 'Voting on this stage has not been opened yet.',
  'ballot.stage_not_open_yet': 'Voting on this stage has not opened yet.',
  'ballot.stage_closed': 'Voting on this stage has closed.',
  'ballot.decided': 'Voting has closed: this proposal has been decided.',
  'ballot.recused': 'You declared a conflict of interest on this proposal, so your seat does not vote on it.',
  'recusal.draft': 'Conflicts are declared on published proposals; this one is still a draft.',
  'recusal.withdrawn': 'This proposal was withdrawn.',
  'recusal.decided': 'This proposal has been decided; its votes are closed.',
  'recusal.already_declared': 'You have already declared a conflict on this proposal.',
  // actions: the wrapper's own answers, and limits met on the way in
  'action.invalid_input': 'Please correct the highlighted fields.',
  'action.signed_out': 'Your session has ended. Sign in again to continue.',
  'action.forbidden': 'You do not have permission to do this in this organization.',
  'rate_limit.exceeded': 'Too many {what} in a short time. Try again in {wait}.',
  'organization.slug_taken': 'The slug "{slug}" is taken. Choose another.',
  'signin.send_failed': 'We could not send a sign-in link just now. Try again in a minute.',
  'action.foreign_origin': 'Refused: this request was sent from another website, so nothing was changed. Open Quorate itself and try again there.',
  'membership.already_invited':
    '{email} has already been invited to {organization} and has not accepted yet. Use “Resend” in the pending invitations list to send a new link.',
  'invitation.not_found': 'There is no pending invitation for you in this organization. It may have been revoked, or already accepted or declined.',
  'invitation.not_pending':
    'This invitation has already been accepted: the person is a member. Removing a member is a different procedure: use “Remove from the organization” in the member list.',
  'invitation.not_found_for_admin': 'There is no such invitation in this organization. It may have been declined or revoked already.',
  'invitation.manage_admin_only': 'Only an admin of this organization can revoke or resend invitations.',
  // founding an organization
  'organization.too_few_seats':
    'The {body} needs at least {minimum} seats: its seat classes require {classes}. Enter {minimum} or more seats, or choose another template.',
  'organization.charter_unworkable': 'These settings would make a charter that cannot work. {errors}',
  // archiving an organization
  'organization.archived':
    'This organization is archived: its record stays readable, but it takes no new proposals, comments, ballots, seat, membership or profile changes. An admin can unarchive it.',
  'organization.archive_admin_only': 'Only an admin of this organization can archive or unarchive it.',
  'organization.archive_confirmation': 'To archive, type the organization\'s name exactly as shown ("{name}"). Nothing was changed.',
  'organization.archive_open_proposals':
    'This organization has {count} proposal(s) still open (in comment or voting, or waiting for the result to be recorded). Let them be decided, or withdraw them, before archiving: archiving would otherwise cut a vote off. Nothing was changed.',
  'organization.already_archived': 'This organization is already archived.',
  'organization.not_archived': 'This organization is not archived.',
  // an organization's logo
  'organization.logo_missing': 'Choose an image file for the logo. Nothing was changed.',
  'organization.logo_too_large':
    'The image is {size}; a logo may be at most {limit}. Save it smaller (a few hundred pixels across is plenty) and try again. Nothing was changed.',
  'organization.logo_type':
    'That file is not a PNG, JPEG or WebP image (its contents were checked, not its name). SVG is not accepted, since it can carry scripts. Nothing was changed.',
  'organization.logo_none': 'This organization has no logo to remove.',
  // deleting one's own account
  'account.delete_confirmation': 'Type the words exactly as shown to confirm. Nothing was deleted.',
  'account.delete_seat_holder':
    'You hold {seats} in {organization}. Resign from it first (on the organization’s seats page), so the charter’s procedure for filling it applies. Nothing was deleted.',
  'account.delete_last_admin':
    'You are the only admin of {organization}. Make someone else an admin first, so the organization is never left without one. Nothing was deleted.',
  'account.already_deleted': 'This account has already been deleted.',
  // a person's private calendar feed (/account)
  'calendar.already_created': 'You already have a calendar link. To get a new address, use “Replace the link” instead.',
  'calendar.none_to_rotate': 'You have no calendar link to replace yet. Create one first.',
  'api_token.not_found': 'You have no such token in use: it may be revoked already.',
  'api_token.revoke_confirmation': 'Tick the box to confirm that scripts using this token will stop working. Nothing was changed.',
  'api_token.too_many': 'You have {count} tokens in use, the most allowed. Revoke one you no longer need first.',
  'api_token.org_not_member': 'A token can be limited only to an organization you belong to.',
  // webhooks (/o/<slug>/settings/webhooks, lib/webhooks)
  'webhook.url_invalid': 'Enter a full http:// or https:// address, without a user name or password in it.',
  'webhook.url_unresolvable': 'The host {host} could not be found. Check the address. Nothing was saved.',
  'webhook.url_private':
    'The address {host} leads to a private, loopback or otherwise internal network address ({address}), which webhooks may not reach. Nothing was saved.',
  'webhook.too_many': 'This organization has {count} webhook endpoints, the most allowed. Delete one you no longer need first.',
  'webhook.not_found': 'No such webhook endpoint in this organization: it may have been deleted already.',
  'webhook.delivery_not_dead': 'Only a delivery that has given up (a dead letter) can be replayed; this one is {status}.',
  'webhook.delivery_not_found': 'No such webhook delivery in this organization.',
  'webhook.delete_confirmation': 'Tick the box to confirm that this endpoint and its delivery history will be deleted. Nothing was changed.',
  'api.unauthenticated': 'This request needs a valid API token (Authorization: Bearer qrt_…). The token sent is unknown, expired or revoked.',
  'api.read_only': 'This token may only read. Create a token with write access on your account page to do this.',
  'api.other_organization': 'This token is limited to another organization.',
  'api.not_found': 'Not found: no such {what}, or not one you may read.',
  'calendar.rotate_confirmation': 'Tick the box to confirm that the old link will stop working. Nothing was changed.',
  // following a proposal
  'follow.members_only': 'Only members of this organization can follow a proposal. Observers and people who have not accepted their invitation cannot.',
  'follow.not_published': 'This proposal is not published yet, so there is nothing to follow. It can be followed once it is published.',
  // delegating one's vote in member-wide votes (lib/governance/delegation.ts)
  'delegation.members_only': 'Only members of this organization can delegate their vote. Observers and people who have not accepted their invitation cannot.',
  'delegation.to_self': 'You cannot delegate your vote to yourself. Nothing was changed.',
  'delegation.not_member':
    '{name} is not a member who votes here (observers and people who have not accepted their invitation do not vote), so they cannot hold your vote. Nothing was changed.',
  'delegation.outside_electorate': '{name} does not vote in the member votes {scope} that you vote in, so they could not use your vote. Nothing was changed.',
  'delegation.voting_open':
    'Voting on #{number} has already opened: its list of voters and their delegates is fixed. Vote yourself instead. Nothing was changed.',
  'delegation.proposal_closed': '#{number} has been decided or withdrawn: there is no vote left to delegate. Nothing was changed.',
  'delegation.not_allowed': 'The charter does not let members delegate their vote {scope}. Nothing was changed.',
  'delegation.would_cycle':
    '{name} already passes their vote {scope} on to you, directly or through others: this delegation would make a loop. Nothing was changed.',
  'delegation.type_unknown': 'The charter has no proposal type “{type}”. Choose one from the list.',
  'delegation.unchanged': 'You already delegate your vote {scope} to {name}. Nothing was changed.',
  'delegation.not_found': 'You have no such delegation: it may already have been revoked or replaced.',
  // ballots of the vote methods (lib/governance/methods)
  'ballot.empty': 'This ballot names no candidate. Choose at least one.',
  'ballot.choice_missing': 'Choose yes, no or abstain.',
  'proposal.options_invalid': '{reason}',
  'proposal.options_not_allowed': 'A {type} is decided yes or no: it takes no options.',
  'ballot.unknown_candidate': 'This ballot names a candidate ({candidate}) that is not in this vote.',
  'ballot.repeated_candidate': 'This ballot names {candidate} more than once. Each candidate can appear only once.',
  'ballot.withdrawn_candidate': '{candidate} has withdrawn and cannot be chosen.',
  'ballot.too_many_choices': 'This ballot makes {given} choices; this vote allows at most {limit}.',
  'ballot.bad_count': 'A ballot counts a whole number of times, at least once; {count} is not such a number.',
  // decisions by consent
  'ballot.consent_decision': 'This proposal is decided by consent, without ballots: if you cannot consent, raise an objection and give its reason.',
  'objection.not_consent': 'This proposal is not decided by consent: there are no objections to raise, vote on it instead.',
  'objection.window_not_open': 'Objections can be raised only while the consent window is open (the proposal is {phase}).',
  'objection.window_closed': 'The consent window has closed: the result has already been recorded.',
  'objection.not_allowed': 'Only members holding a {body} seat can object to this proposal.',
  'objection.recused': 'You declared a conflict of interest on this proposal, so your seat cannot object to it.',
  'objection.reason_short': 'Give the reason for your objection in at least {min} characters, so it can be addressed.',
  'objection.reason_long': 'An objection is at most {max} characters.',
  'objection.none_standing': 'You have no standing objection to withdraw.',
  'election.seats_required': 'Choose the seats this election fills.',
  'election.no_vacancy': 'The {body} has no vacant {seatClass} seat to elect to.',
  'election.not_election': 'This proposal is not a seat election: it has no nominations.',
  'election.nominations_closed': 'Nominations are open only during the comment window (the proposal is {phase}).',
  'election.nominator_not_member': 'Only members can nominate candidates.',
  'election.nominee_holds_seat': '{name} already holds seat {position} of the {body}: one person holds one seat per body.',
  'election.already_nominated': '{name} is already nominated.',
  'election.nominee_declined': '{name} declined or withdrew; only they can stand again.',
  'election.not_nominated': 'You have no open nomination in this election.',
  'election.nothing_to_withdraw': 'You have not accepted this nomination, so there is nothing to withdraw; decline it instead.',
  'election.already_accepted': 'You have already accepted this nomination.',
  'election.declaration_required': 'These are {seatClass} seats: confirm the declaration to accept.',
  'proposal.revise_consent_fixed':
    'The objection window was already extended once by a late revision: in its last {hours} hours the text can no longer change, so the decision cannot be put off again.',
  'proposal.revise_window_closed': 'The consent window has closed: the result has already been recorded, so the text can no longer change.',
  'petition.none_in_charter': 'The charter provides no petitions; a charter amendment can add them.',
  'petition.not_found': 'That petition does not exist in this organization.',
  'petition.signer_not_member': 'Only members of this organization can sign or open a petition.',
  'petition.signer_observer': 'Observers cannot sign or open petitions.',
  'petition.wrong_group': 'This petition is for the {group} group; only its members can sign it.',
  'petition.opener_no_group': 'You belong to no stakeholder group, so you can open a petition of all members only.',
  'petition.closed': 'This petition is {state}: it takes no more signatures.',
  'petition.already_signed': 'You have already signed this petition.',
  'petition.not_signed': 'You have not signed this petition, so there is no signature to revoke.',
  'petition.answer_not_allowed': 'Only a secretary or admin can record the {body}’s answer.',
  'petition.not_awaiting_answer': 'This petition is {state}: there is no answer to record.',
  'meeting.not_authorized': 'Only a secretary or an admin can schedule, change or cancel a meeting, or record its attendance.',
  'meeting.not_found': 'That meeting does not exist in this organization.',
  'meeting.body_not_found': 'The charter has no body of seats with that name to meet.',
  'meeting.end_before_start': 'The meeting must end after it starts.',
  'meeting.too_long': 'A meeting lasts at most 24 hours; schedule a longer one as several meetings.',
  'meeting.in_past': 'The meeting must start in the future.',
  'meeting.short_notice_regular':
    'A regular meeting needs {required} of notice and this one would give {given}. Move it later, or call it as a special meeting, which needs {special} of notice.',
  'meeting.short_notice_special':
    'Even a special meeting needs {required} of notice, and this one would give {given}. Nothing shortens that notice: move it later.',
  'meeting.cancelled': 'This meeting has been cancelled; it can no longer change.',
  'meeting.started': 'This meeting has already started; its time, agenda and place can no longer change.',
  'meeting.unknown_proposal': 'The agenda refers to proposal #{number}, which does not exist in this organization.',
  'meeting.not_started': 'Attendance is recorded once the meeting has started.',
  'meeting.attendee_not_seat_holder': '{name} does not hold a seat in the {body}: attendance is recorded only for its seat holders.',
  'meeting.no_attendance_record': 'There is no attendance recorded for you at this meeting to confirm or dispute.',
  'written_consent.not_found': 'That written consent does not exist in this organization.',
  'written_consent.unknown_body': 'The charter defines no body "{body}".',
  'written_consent.member_body': 'The {body} is member-wide and has no seats: written consent is for a body of seats.',
  'written_consent.open_not_allowed': 'Only a member holding a seat of the {body}, or an admin, can open a written consent of it.',
  'written_consent.below_strength':
    'Only {filled} of the {body}’s seats are filled, fewer than the charter’s minimum of {minimum} for critical decisions: fill the seats before deciding by written consent.',
  'written_consent.closed': 'This written consent is {state}: nothing can be signed or revoked.',
  'written_consent.not_signer': 'You are not one of this written consent’s signers: only the seat holders when it opened sign it.',
  'written_consent.observer_cannot_sign':
    'Observers cannot sign: an observer’s seat gives no vote, so this written consent cannot be adopted while you hold it.',
  'written_consent.already_signed': 'You have already signed this written consent.',
  'written_consent.not_signed': 'You have not signed this written consent, so there is no signature to revoke.',
  'written_consent.withdraw_not_allowed': 'Only whoever opened this written consent, or an admin, can withdraw it.',
} as const satisfies Record<string, string>;

export type RefusalCode = keyof typeof messages;
export type MessageParams = Record<string, string | number>;

/** The catalogue's wording for `code` with its `{placeholders}` filled from `params`. */
export function formatMessage(code: RefusalCode, params: MessageParams = {}): string {
  const template: string = messages[code];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
