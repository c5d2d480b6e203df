import type { AttachmentKind } from '../bindings/AttachmentKind';
import type { Decision } from '../bindings/Decision';
import type { DistributorInput } from '../bindings/DistributorInput';
import type { Status } from '../bindings/Status';
import type { Tier } from '../bindings/Tier';

export const STATUSES: Status[] = [
  'applicant',
  'under_review',
  'approved',
  'rejected',
  'active',
  'suspended',
  'terminated',
];

export const TIERS: Tier[] = ['strategic', 'core', 'basic'];

export const DECISIONS: Decision[] = ['approve', 'reject', 'defer'];

export const ATTACHMENT_KINDS: AttachmentKind[] = [
  'business_licence',
  'site_visit_photo',
  'statement_slip',
  'other',
];

/** Moves that narrow the relationship must say why (same rule as the server). */
export function needsReason(to: Status): boolean {
  return to === 'rejected' || to === 'suspended' || to === 'terminated';
}

/** Every field of the profile form, in form order. */
export const DISTRIBUTOR_FIELDS: (keyof DistributorInput)[] = [
  'code',
  'name',
  'short_name',
  'uscc',
  'legal_representative',
  'tier',
  'contact_name',
  'contact_role',
  'contact_phone',
  'contact_email',
  'contact_wechat',
  'province',
  'city',
  'county',
  'region',
  'address',
  'bank_name',
  'bank_account',
  'payment_terms_days',
  'credit_limit',
  'notes',
];

/** Provinces, municipalities and autonomous regions of the mainland, for suggestions. */
export const PROVINCES = [
  '北京市',
  '天津市',
  '河北省',
  '山西省',
  '内蒙古自治区',
  '辽宁省',
  '吉林省',
  '黑龙江省',
  '上海市',
  '江苏省',
  '浙江省',
  '安徽省',
  '福建省',
  '江西省',
  '山东省',
  '河南省',
  '湖北省',
  '湖南省',
  '广东省',
  '广西壮族自治区',
  '海南省',
  '重庆市',
  '四川省',
  '贵州省',
  '云南省',
  '西藏自治区',
  '陕西省',
  '甘肃省',
  '青海省',
  '宁夏回族自治区',
  '新疆维吾尔自治区',
  '香港特别行政区',
  '澳门特别行政区',
  '台湾省',
];
