import { render } from 'preact';
import '@/components/shared/base.css';
import '@/components/options/options.css';
import { OptionsPage } from '@/components/options/OptionsPage';
import { corpusActions } from '@/lib/insight/corpus-actions';

render(<OptionsPage actions={corpusActions()} welcome={location.hash === '#welcome'} />, document.getElementById('app')!);
