import { startBackground } from '@/lib/contexts/background/start';

export default defineBackground(() => startBackground());
