/**
 * Policy threads: groups of measures a policy reader follows as one story (procurement, fund
 * supervision, the drug list …), finer than the catalogue's categories, which lump forty measures
 * into "insurance coverage". Two articles on one thread are related even when they name different
 * measures of it (a crackdown and smart monitoring are both fund supervision). Grouped as the 14th
 * Five-Year National Medical Security Plan lays the system out; a measure not listed here falls back
 * to its catalogue category, and lib/insight/topic-groups.test.ts names any catalogue measure missing.
 */
const THREADS: Record<string, readonly string[]> = {
  /** who is insured and how much: the basic schemes, benefit lists and levels */
  coverage: [
    'universal-coverage',
    'employee-basic-insurance',
    'resident-basic-insurance',
    'resident-insurance-integration',
    'benefit-list',
    'inpatient-benefit-level',
    'multi-tier-security',
  ],
  /** outpatient mutual aid and the personal account of employee insurance */
  outpatient: [
    'outpatient-mutual-aid',
    'personal-account-reform',
    'outpatient-chronic-special-diseases',
    'two-diseases-outpatient-drugs',
    'retail-pharmacy-outpatient-pooling',
  ],
  /** critical-illness insurance, medical assistance and the triple protection against poverty from illness */
  'critical-illness': [
    'critical-illness-insurance',
    'medical-assistance',
    'major-disease-protection',
    'triple-protection',
    'illness-poverty-prevention',
  ],
  /** long-term care insurance and medical-elderly care */
  'long-term-care': ['long-term-care-insurance', 'medical-elderly-care-integration'],
  /** maternity insurance and maternity costs */
  maternity: ['maternity-insurance', 'maternity-insurance-merger', 'maternity-medical-costs', 'assisted-reproduction-coverage'],
  /** supplementary, commercial and city-customised (惠民保) insurance */
  supplementary: ['supplementary-medical-insurance', 'commercial-health-insurance', 'city-customised-insurance'],
  /** COVID-19: treatment and vaccine costs, testing, epidemic control */
  covid: [
    'covid-treatment-coverage',
    'covid-vaccine-costs',
    'epidemic-treatment-cost-protection',
    'covid-testing-costs',
    'covid-testing',
    'dynamic-zero-covid',
    'vaccination',
  ],
  /** financing and enrolment: contributions, subsidies, pooling levels */
  financing: [
    'enrolment-incentives',
    'financing-mechanism',
    'contribution-policy',
    'government-subsidy',
    'pooling-level',
    'provincial-pooling',
  ],
  /** the national drug list, its negotiations and the negotiated drugs' access (双通道) */
  'drug-list': [
    'nrdl-adjustment',
    'nrdl-negotiation',
    'negotiated-drug-access',
    'dual-channel',
    'innovative-drug-support',
    'tcm-insurance-coverage',
  ],
  /** payment methods: DRG/DIP, per disease, global budgets */
  payment: [
    'payment-method-reform',
    'drg-payment',
    'dip-payment',
    'per-disease-payment',
    'per-capita-payment',
    'per-bed-day-payment',
    'global-budget',
    'medical-community-bundled-payment',
    'tcm-dominant-disease-payment',
  ],
  /** prices of medical services and drugs */
  prices: [
    'medical-service-pricing',
    'service-price-dynamic-adjustment',
    'service-price-item-guidelines',
    'drug-price-management',
    'drug-price-governance',
    'payment-standard',
  ],
  /** volume-based procurement of drugs and consumables */
  procurement: [
    'volume-based-procurement',
    'consumables-procurement',
    'tcm-procurement',
    'biologics-procurement',
    'provincial-alliance-procurement',
    'procurement-surplus-retention',
    'price-procurement-credit',
    'high-value-consumables-governance',
    'generic-drug-consistency-evaluation',
  ],
  /** fund supervision: inspections, anti-fraud, credit, smart monitoring */
  supervision: [
    'fund-supervision',
    'fund-supervision-regulation',
    'anti-fraud-crackdown',
    'fraud-special-campaign',
    'flight-inspections',
    'self-inspection',
    'fraud-whistleblower-reward',
    'insurance-credit-management',
    'smart-monitoring',
    'drug-traceability-code',
    'payment-qualification-scoring',
    'enforcement-linkage',
    'fund-risk-warning',
    'designated-institution-management',
  ],
  /** settlement and services: cross-province settlement, the information platform, e-vouchers */
  services: [
    'cross-region-settlement',
    'insurance-e-voucher',
    'mobile-payment',
    'insurance-information-platform',
    'coding-standards',
    'insurance-informatisation',
    'e-prescription-circulation',
    'insurance-administration-services',
    'one-stop-settlement',
    'cross-province-services',
    'grassroots-insurance-services',
    'insurance-workforce',
    'internet-medical-insurance-payment',
    'internet-plus-healthcare',
    'appointment-booking',
  ],
  /** law and the governance of the reform (三医联动, 三明, anti-corruption) */
  governance: ['medical-security-law', 'three-medical-linkage', 'sanming-model', 'pharma-anticorruption'],
  /** public hospital reform: pay, assessment, funding */
  hospitals: [
    'public-hospital-comprehensive-reform',
    'public-hospital-high-quality-development',
    'public-hospital-performance-assessment',
    'pay-system-reform',
    'government-hospital-funding',
    'clinical-specialty-development',
    'zero-markup',
    'test-result-recognition',
    'clinical-conduct-regulation',
  ],
  /** care delivery: tiered care, medical communities, primary care, TCM */
  care: [
    'tiered-diagnosis-treatment',
    'medical-alliance',
    'county-medical-community',
    'regional-medical-centres',
    'quality-resource-expansion',
    'primary-care-capacity',
    'family-doctor',
    'social-capital-medical-institutions',
    'soe-medical-institutions',
    'tcm-development',
  ],
  /** drug supply and regulation: shortages, essential medicines, review */
  'drug-supply': [
    'shortage-drug-supply',
    'essential-medicines',
    'drug-review-reform',
    'api-antitrust',
    'two-invoice-system',
    'health-products-crackdown',
  ],
  /** the health workforce */
  workforce: [
    'residency-training',
    'general-practitioner-training',
    'rural-doctor-workforce',
    'professional-title-reform',
    'multi-site-practice',
  ],
  /** public health and disease control */
  'public-health': [
    'public-health-system',
    'cdc-system-reform',
    'medical-prevention-coordination',
    'basic-public-health-services',
    'health-literacy',
    'healthy-china-initiative',
  ],
};

const THREAD_OF = new Map(Object.entries(THREADS).flatMap(([thread, ids]) => ids.map((id) => [id, thread] as const)));

/** The thread of a measure, or its category (prefixed, so the two never clash) when no thread lists it. */
export function threadOf(measureId: string, category: string): string {
  return THREAD_OF.get(measureId) ?? `category-${category}`;
}

/** Every measure id a thread lists (for the test that keeps this in step with the catalogue). */
export const THREADED_MEASURES: ReadonlySet<string> = new Set(THREAD_OF.keys());
